package org.zhurnal.timetable.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/**
 * The weekly timetable of a class or a teacher, with the form adding a template entry (conflicts shown as the API
 * reports them). Also serves the timetable module's static UI files at {@code /ui/timetable/} (the only timetable
 * component carrying the whiteboard resource properties).
 */
@Component(service = UiContribution.class, property = {"osgi.http.whiteboard.resource.pattern=/ui/timetable/*",
        "osgi.http.whiteboard.resource.prefix=/ui/timetable"})
public class TimetablePage extends UiPage {
    public TimetablePage() {
        super("timetable.week", "Расписание", "Timetable", "/ui/timetable/timetable.html", 400, Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN,
                Role.SCHOOL_COORDINATOR, Role.DEPUTY_DIRECTOR, Role.CLASS_TEACHER, Role.TEACHER);
    }
}
