package org.zhurnal.rest.internal.resources;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.zhurnal.core.api.ZhurnalConstants;
import org.zhurnal.core.api.rest.PublicEndpoint;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Role;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /health}: every Zhurnal bundle with its version and state, and the database. A module is
 * {@code ACTIVE} when its bundle is active and none of its components is unsatisfied or failed.
 * {@code UP} (200) when everything is active; {@code DEGRADED} (200) when only optional modules or
 * plug-ins are not; {@code DOWN} (503) when the database or a platform module is not working.
 *
 * <p>Anyone may ask (a load balancer, a monitoring probe, the start scripts), but only a system or municipal
 * administrator gets the details: other callers get the status and the database's state, without the list of
 * bundles, their versions or the database product, which tell an attacker which known flaws to try.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    /** Modules without which nothing works. */
    static final Set<String> PLATFORM = Set.of("org.zhurnal.core.api", "org.zhurnal.core.impl", "org.zhurnal.security.api",
            "org.zhurnal.security.impl", "org.zhurnal.rest");

    /** One module's health. */
    public record Module(String name, String version, String state) {}

    /** Database health. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Database(String product, String state) {}

    /** The health document; {@code modules} is {@code null} and {@code database.product} is {@code null} for callers who are not administrators. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, List<Module> modules, Database database) {}

    /** Roles that see which bundles run, in which versions, on which database. */
    static final Role[] OPERATORS = { Role.SYSTEM_ADMIN,
        Role.MUNICIPAL_ADMIN };

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final Supplier<DataSource> dataSource;

    public HealthResource(BundleContext context, ServiceComponentRuntime scr, Supplier<DataSource> dataSource) {
        this.context = context;
        this.scr = scr;
        this.dataSource = dataSource;
    }

    @GET
    @PublicEndpoint
    public Response health() {
        List<Module> modules = new ArrayList<>();
        boolean platformOk = true;
        boolean allOk = true;
        for (Bundle b : context.getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn == null || !bsn.startsWith(ZhurnalConstants.BUNDLE_PREFIX)) {
                continue;
            }
            String state = state(b);
            modules.add(new Module(bsn, b.getVersion().toString(), state));
            if (!"ACTIVE".equals(state)) {
                allOk = false;
                platformOk &= !PLATFORM.contains(bsn);
            }
        }
        Database db = database();
        platformOk &= "UP".equals(db.state());
        String status = !platformOk ? "DOWN" : allOk ? "UP" : "DEGRADED";
        boolean operator = CallContext.current().map(c -> c.principal())
                .filter(p -> !p.isAnonymous() && p.hasAnyRole(OPERATORS)).isPresent();
        Health h = operator ? new Health(status, modules, db) : new Health(status, null, new Database(null, db.state()));
        return Response.status(platformOk ? 200 : 503).entity(h).build();
    }

    private String state(Bundle b) {
        if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return b.getState() == Bundle.RESOLVED ? "ACTIVE" : "INSTALLED";
        }
        switch (b.getState()) {
            case Bundle.ACTIVE:
                break;
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.RESOLVED:
                return "RESOLVED";
            default:
                return "INSTALLED";
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
            if (!scr.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return "FAILED";
                }
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
                    return "UNSATISFIED";
                }
            }
        }
        return "ACTIVE";
    }

    private Database database() {
        DataSource ds = dataSource.get();
        if (ds == null) {
            return new Database("none", "DOWN");
        }
        try (Connection c = ds.getConnection()) {
            return new Database(c.getMetaData().getDatabaseProductName(), c.isValid(2) ? "UP" : "DOWN");
        } catch (Exception e) {
            return new Database("unknown", "DOWN");
        }
    }
}
