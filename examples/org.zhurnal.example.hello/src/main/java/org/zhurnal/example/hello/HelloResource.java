package org.zhurnal.example.hello;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.rest.PublicEndpoint;
import org.zhurnal.core.api.rest.RestResource;

/**
 * {@code GET /api/v1/hello?name=...}. Registering this component as a {@link RestResource} is all it
 * takes: the resource is served while the bundle is active, and gone when it stops.
 */
@Component(service = RestResource.class)
@Path("hello")
@Produces(MediaType.APPLICATION_JSON)
public class HelloResource implements RestResource {

    @GET
    @PublicEndpoint
    public Map<String, String> hello(@QueryParam("name") String name) {
        if (name != null && name.length() > 100) {
            throw ProblemException.invalid("name", "name must have at most 100 characters");
        }
        return Map.of("message", "Привет, " + (name == null || name.isBlank() ? "мир" : name.strip()) + "!");
    }
}
