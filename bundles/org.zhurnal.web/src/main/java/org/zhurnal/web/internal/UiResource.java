package org.zhurnal.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.ui.UiContribution;

/** {@code GET /ui/contributions}: the menu of the signed-in user, from the modules active now. */
@Component(service = RestResource.class)
@Path("ui")
@Produces(MediaType.APPLICATION_JSON)
public class UiResource implements RestResource {

    /** One menu entry; {@code landing}: the shell opens it at sign-in (see {@link UiContribution#landing()}). */
    public record MenuEntry(String id, Map<String, String> titles, String path, int order, boolean landing) {}

    private final List<UiContribution> contributions = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(UiContribution c) {
        contributions.add(c);
    }

    void removeContribution(UiContribution c) {
        contributions.remove(c);
    }

    @GET
    @Path("contributions")
    public List<MenuEntry> contributions() {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        return contributions.stream().filter(c -> c.roles().isEmpty() || c.roles().stream().anyMatch(p::hasRole))
                .sorted(Comparator.comparingInt(UiContribution::order).thenComparing(UiContribution::id))
                .map(c -> new MenuEntry(c.id(), c.titles(), c.path(), c.order(), c.landing())).toList();
    }
}
