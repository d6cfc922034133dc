package org.zhurnal.core.api.ui;

import java.util.Map;
import java.util.Set;

import org.zhurnal.core.api.security.Role;

/**
 * A {@link UiContribution} whose values are fixed at construction, so that a module's page is a DS component of a
 * few lines: {@code @Component(service = UiContribution.class) public class JournalPage extends UiPage { public
 * JournalPage() { super("gradebook.journal", "Журнал", "Journal", "/ui/gradebook/journal.html", 310, Role.TEACHER); } }}.
 * Immutable and thread-safe.
 */
public abstract class UiPage implements UiContribution {
    private final String id;
    private final Map<String, String> titles;
    private final String path;
    private final Set<Role> roles;
    private final int order;
    private final boolean landing;

    /**
     * @param id stable id, e.g. {@code "gradebook.journal"}
     * @param ru the Russian menu title
     * @param en the English menu title
     * @param path URL path of the page, under {@code /ui/<module>/}
     * @param order position in the menu, lower first
     * @param roles roles that see the entry; none means every signed-in user
     */
    protected UiPage(String id, String ru, String en, String path, int order, Role... roles) {
        this(id, ru, en, path, order, false, roles);
    }

    /**
     * As {@link #UiPage(String, String, String, String, int, Role...)}, for a page its users start on.
     *
     * @param landing whether users start on this page (see {@link UiContribution#landing()})
     * @since 1.2
     */
    protected UiPage(String id, String ru, String en, String path, int order, boolean landing, Role... roles) {
        this.id = id;
        this.titles = Map.of("ru", ru, "en", en);
        this.path = path;
        this.roles = Set.of(roles);
        this.order = order;
        this.landing = landing;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Map<String, String> titles() {
        return titles;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public boolean landing() {
        return landing;
    }
}
