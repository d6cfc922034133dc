package org.zhurnal.timetable.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/** The substitutions page: the lesson changes of a week and the form substituting, cancelling or restoring a lesson. */
@Component(service = UiContribution.class)
public class SubstitutionsPage extends UiPage {
    public SubstitutionsPage() {
        super("timetable.changes", "Замены", "Substitutions", "/ui/timetable/changes.html", 410, Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN,
                Role.SCHOOL_COORDINATOR, Role.DEPUTY_DIRECTOR);
    }
}
