package org.zhurnal.report.timeliness.internal.ui;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;
import org.zhurnal.core.api.ui.UiPage;

/**
 * The same dashboard in the municipal administrator's menu, for any school of the municipality (its list is the schools
 * the caller administers): not their landing page, which {@link TimelinessPage} is for a school's deputy director.
 */
@Component(service = UiContribution.class)
public class MunicipalTimelinessPage extends UiPage {
    public MunicipalTimelinessPage() {
        super("timeliness.municipal", "Своевременность журнала", "Journal timeliness", "/ui/timeliness/timeliness.html", 410, false,
                Role.MUNICIPAL_ADMIN);
    }
}
