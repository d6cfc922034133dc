package org.zhurnal.calendar.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/**
 * The school year page: academic years, reporting periods per grades (close and reopen), holidays and vacations.
 * Also serves the calendar module's static UI files at {@code /ui/calendar/}.
 */
@Component(service = UiContribution.class, property = {"osgi.http.whiteboard.resource.pattern=/ui/calendar/*",
        "osgi.http.whiteboard.resource.prefix=/ui/calendar"})
public class CalendarPage extends UiPage {
    public CalendarPage() {
        super("calendar.year", "Учебный год", "School year", "/ui/calendar/calendar.html", 420, Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN,
                Role.SCHOOL_COORDINATOR, Role.DEPUTY_DIRECTOR);
    }
}
