package org.zhurnal.report.timeliness.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/** The timeliness dashboard of the deputy director and coordinator; serves every static file under /ui/timeliness/. */
@Component(service = UiContribution.class, property = {"osgi.http.whiteboard.resource.pattern=/ui/timeliness/*",
        "osgi.http.whiteboard.resource.prefix=/ui/timeliness"})
public class TimelinessPage extends UiPage {
    public TimelinessPage() {
        super("timeliness", "Своевременность журнала", "Journal timeliness", "/ui/timeliness/timeliness.html", 410, true, Role.DEPUTY_DIRECTOR,
                Role.SCHOOL_COORDINATOR);
    }
}
