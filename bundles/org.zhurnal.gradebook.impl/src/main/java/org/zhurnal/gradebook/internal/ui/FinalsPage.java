package org.zhurnal.gradebook.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/** The period grades page: per student the marks, weighted average, the scheme's suggestion and the confirmed grade. */
@Component(service = UiContribution.class)
public class FinalsPage extends UiPage {
    public FinalsPage() {
        super("gradebook.finals", "Итоговые оценки", "Period grades", "/ui/gradebook/finals.html", 320, Role.TEACHER, Role.CLASS_TEACHER,
                Role.DEPUTY_DIRECTOR);
    }
}
