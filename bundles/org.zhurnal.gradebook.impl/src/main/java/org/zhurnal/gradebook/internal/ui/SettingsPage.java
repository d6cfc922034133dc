package org.zhurnal.gradebook.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/**
 * The journal settings of a school: which grading scheme each subject and grade follows, and the attendance codes. For
 * those who administer the school (the REST calls check ADMINISTER on it).
 */
@Component(service = UiContribution.class)
public class SettingsPage extends UiPage {
    public SettingsPage() {
        super("gradebook.settings", "Настройки журнала", "Journal settings", "/ui/gradebook/settings.html", 435, Role.SYSTEM_ADMIN,
                Role.MUNICIPAL_ADMIN, Role.SCHOOL_COORDINATOR, Role.DEPUTY_DIRECTOR);
    }
}
