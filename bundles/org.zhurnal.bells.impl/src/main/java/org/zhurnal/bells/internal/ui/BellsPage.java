package org.zhurnal.bells.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/**
 * The bell schedule editor: schedules with their lesson times, and which schedule each weekday uses. Also serves the
 * bells module's static UI files at {@code /ui/bells/}.
 */
@Component(service = UiContribution.class, property = {"osgi.http.whiteboard.resource.pattern=/ui/bells/*",
        "osgi.http.whiteboard.resource.prefix=/ui/bells"})
public class BellsPage extends UiPage {
    public BellsPage() {
        super("bells.schedules", "Звонки", "Bells", "/ui/bells/bells.html", 430, Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN,
                Role.SCHOOL_COORDINATOR, Role.DEPUTY_DIRECTOR);
    }
}
