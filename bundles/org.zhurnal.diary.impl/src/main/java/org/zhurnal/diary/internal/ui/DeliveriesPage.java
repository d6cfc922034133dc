package org.zhurnal.diary.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/** The class teacher's page of diary notifications sent to the class's families. */
@Component(service = UiContribution.class)
public class DeliveriesPage extends UiPage {
    public DeliveriesPage() {
        super("diary.deliveries", "Оповещения и распечатки", "Notifications and printouts", "/ui/diary/deliveries.html", 320, Role.CLASS_TEACHER,
                Role.DEPUTY_DIRECTOR, Role.SCHOOL_COORDINATOR);
    }
}
