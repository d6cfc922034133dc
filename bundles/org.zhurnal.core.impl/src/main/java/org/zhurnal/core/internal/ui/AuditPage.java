package org.zhurnal.core.internal.ui;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;

/** The audit trail page for administrators; also serves the core module's static UI files at /ui/core/. */
@Component(service = UiContribution.class, property = {"osgi.http.whiteboard.resource.pattern=/ui/core/*",
        "osgi.http.whiteboard.resource.prefix=/ui/core"})
public class AuditPage implements UiContribution {

    @Override
    public String id() {
        return "core.audit";
    }

    @Override
    public Map<String, String> titles() {
        return Map.of("ru", "Журнал аудита", "en", "Audit log");
    }

    @Override
    public String path() {
        return "/ui/core/audit.html";
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN, Role.SCHOOL_COORDINATOR, Role.DEPUTY_DIRECTOR);
    }

    @Override
    public int order() {
        return 800;
    }
}
