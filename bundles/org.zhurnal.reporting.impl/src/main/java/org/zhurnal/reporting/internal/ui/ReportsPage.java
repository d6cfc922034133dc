package org.zhurnal.reporting.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/** The report catalogue with a parameter form and download; serves every static file under /ui/reports/. */
@Component(service = UiContribution.class, property = {"osgi.http.whiteboard.resource.pattern=/ui/reports/*",
        "osgi.http.whiteboard.resource.prefix=/ui/reports"})
public class ReportsPage extends UiPage {
    public ReportsPage() {
        super("reports", "Отчёты", "Reports", "/ui/reports/reports.html", 400, Role.CLASS_TEACHER, Role.DEPUTY_DIRECTOR,
                Role.SCHOOL_COORDINATOR, Role.MUNICIPAL_ADMIN);
    }
}
