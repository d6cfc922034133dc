package org.zhurnal.rest.internal.resources;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Iterator;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.zhurnal.core.api.ZhurnalConstants;
import org.zhurnal.core.api.rest.PublicEndpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /openapi.json}: the OpenAPI 3 description of the modules active right now. Each bundle
 * carries its part, generated at build time into {@code META-INF/openapi/openapi.json} (runtime scanning
 * does not see bundle classes); the parts' paths and schemas are merged here.
 */
@Path("openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {
    static final String PART = "META-INF/openapi/openapi.json";

    private final BundleContext context;
    private final ObjectMapper mapper;

    public OpenApiResource(BundleContext context, ObjectMapper mapper) {
        this.context = context;
        this.mapper = mapper;
    }

    @GET
    @PublicEndpoint
    public JsonNode openapi() throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("openapi", "3.0.1");
        ObjectNode info = root.putObject("info");
        info.put("title", "Zhurnal API");
        info.put("version", context.getBundle().getVersion().toString());
        info.put("description", "Errors are RFC 9457 application/problem+json documents. Authenticate with "
                + "'Authorization: Bearer <token>' from POST /auth/login.");
        root.putArray("servers").addObject().put("url", "/api/v1");
        ObjectNode paths = root.putObject("paths");
        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
        root.putArray("security").addObject().putArray("bearer");
        for (Bundle b : context.getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn == null || !bsn.startsWith(ZhurnalConstants.BUNDLE_PREFIX) || b.getState() != Bundle.ACTIVE) {
                continue;
            }
            URL part = b.getEntry(PART);
            if (part == null) {
                continue;
            }
            try (InputStream in = part.openStream()) {
                JsonNode doc = mapper.readTree(in);
                merge(paths, doc.path("paths"));
                merge(schemas, doc.path("components").path("schemas"));
            }
        }
        return root;
    }

    private static void merge(ObjectNode into, JsonNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!into.has(e.getKey())) {
                into.set(e.getKey(), e.getValue());
            }
        }
    }
}
