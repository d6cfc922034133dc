package org.zhurnal.gradebook.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/**
 * The teacher's «Today» page: the signed-in teacher's lessons of a day and what each still lacks. Also serves the
 * gradebook's static UI files at {@code /ui/gradebook/} (the only gradebook component carrying the whiteboard
 * resource properties).
 */
@Component(service = UiContribution.class, property = {"osgi.http.whiteboard.resource.pattern=/ui/gradebook/*",
        "osgi.http.whiteboard.resource.prefix=/ui/gradebook"})
public class TodayPage extends UiPage {
    public TodayPage() {
        super("gradebook.today", "Сегодня", "Today", "/ui/gradebook/today.html", 300, true, Role.TEACHER);
    }
}
