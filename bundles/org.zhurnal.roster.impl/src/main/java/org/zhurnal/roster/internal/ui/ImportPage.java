package org.zhurnal.roster.internal.ui;

import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.ui.UiContribution;

/**
 * The «Roster import» page: checks and imports the native CSV templates. Its files are served by
 * {@link RosterPages}, which publishes the whole {@code /ui/roster/} folder.
 */
@Component(service = UiContribution.class)
public class ImportPage implements UiContribution {

    @Override
    public String id() {
        return "roster.import";
    }

    @Override
    public Map<String, String> titles() {
        return Map.of("ru", "Импорт списков", "en", "Roster import");
    }

    @Override
    public String path() {
        return "/ui/roster/import.html";
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN, Role.SCHOOL_COORDINATOR, Role.DEPUTY_DIRECTOR);
    }

    @Override
    public int order() {
        return 210;
    }
}
