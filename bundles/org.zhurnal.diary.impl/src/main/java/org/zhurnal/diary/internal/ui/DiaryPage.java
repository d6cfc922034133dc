package org.zhurnal.diary.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/** The diary of a student and their parents (phone first); serves every static file under /ui/diary/. */
@Component(service = UiContribution.class, property = {"osgi.http.whiteboard.resource.pattern=/ui/diary/*",
        "osgi.http.whiteboard.resource.prefix=/ui/diary"})
public class DiaryPage extends UiPage {
    public DiaryPage() {
        super("diary.week", "Дневник", "Diary", "/ui/diary/diary.html", 100, true, Role.PARENT, Role.STUDENT);
    }
}
