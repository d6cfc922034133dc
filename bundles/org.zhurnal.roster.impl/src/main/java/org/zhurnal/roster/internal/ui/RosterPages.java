package org.zhurnal.roster.internal.ui;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;

/**
 * The «Classes and students» page: classes of a school, the class card with students, guardians,
 * consents and account issue. Also serves the roster module's static UI files at {@code /ui/roster/}
 * (the only roster component carrying the whiteboard resource properties).
 */
@Component(service = UiContribution.class, property = {"osgi.http.whiteboard.resource.pattern=/ui/roster/*",
        "osgi.http.whiteboard.resource.prefix=/ui/roster"})
public class RosterPages implements UiContribution {

    @Override
    public String id() {
        return "roster.classes";
    }

    @Override
    public Map<String, String> titles() {
        return Map.of("ru", "Классы и ученики", "en", "Classes and students");
    }

    @Override
    public String path() {
        return "/ui/roster/classes.html";
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN, Role.SCHOOL_COORDINATOR, Role.DEPUTY_DIRECTOR, Role.CLASS_TEACHER);
    }

    @Override
    public int order() {
        return 200;
    }
}
