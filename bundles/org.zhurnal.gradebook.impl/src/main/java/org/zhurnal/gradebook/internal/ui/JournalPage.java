package org.zhurnal.gradebook.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/**
 * The journal grid: students × lessons of a class or group in a subject over a reporting period, with fast keyboard
 * entry of marks and absences. Who may write is decided by the API; other readers get the grid read-only.
 */
@Component(service = UiContribution.class)
public class JournalPage extends UiPage {
    public JournalPage() {
        super("gradebook.journal", "Журнал", "Journal", "/ui/gradebook/journal.html", 310, Role.TEACHER, Role.CLASS_TEACHER, Role.DEPUTY_DIRECTOR,
                Role.SCHOOL_COORDINATOR);
    }
}
