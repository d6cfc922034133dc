package org.zhurnal.core.api.ui;

import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.zhurnal.core.api.security.Role;

/**
 * A page a module adds to the browser shell's menu. The module serves the page's static files itself
 * (an HTTP whiteboard resource under {@code /ui/<module>/}) and registers this service; the entry
 * appears in the menu of users holding one of {@link #roles()} while the bundle is active.
 */
@ConsumerType
public interface UiContribution {

    /** @return stable id, e.g. {@code "core.audit"} */
    String id();

    /** @return menu titles by language tag ({@code "ru"}, {@code "en"}); Russian is required */
    Map<String, String> titles();

    /** @return URL path of the page, e.g. {@code /ui/core/audit.html} */
    String path();

    /** @return roles that see the entry; empty means every signed-in user */
    Set<Role> roles();

    /** @return position in the menu, lower first */
    default int order() {
        return 100;
    }

    /**
     * A page its users work in every day (a teacher's «Today», a family's diary): the shell opens it when a user who
     * sees it signs in or opens the site without choosing a page; of several, the one first in the menu.
     *
     * @return whether this is such a page (by default not: the user starts on the shell's home)
     * @since 1.2
     */
    default boolean landing() {
        return false;
    }
}
