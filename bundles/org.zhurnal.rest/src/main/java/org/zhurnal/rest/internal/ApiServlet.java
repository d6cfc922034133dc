package org.zhurnal.rest.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.rest.internal.resources.HealthResource;
import org.zhurnal.rest.internal.resources.OpenApiResource;
import org.zhurnal.security.api.AuthenticationService;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * The one JAX-RS application, at {@code /api/v1}. It serves every {@link RestResource} service of every
 * module: when resources come or go, the Jersey application is rebuilt on the next request (so a burst
 * of bundles starting costs one rebuild) and swapped in; the old one is destroyed a little later, after
 * the requests it is serving have finished.
 * <p>
 * Registered without async support. Jetty then wraps it in a holder that builds the servlet's description string on
 * every request (a quarter of the bytes a simple request allocated, measured with JFR); registering it with
 * {@code asyncSupported=true} removed that, but in two of three CI runs a container then came up without this servlet
 * (the web shell answered {@code /api/v1} with 404/405), so it was reverted until that is understood.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/api/v1/*",
        "osgi.http.whiteboard.servlet.name=zhurnal-api", "osgi.http.whiteboard.servlet.asyncSupported=false"})
public class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final transient AuthenticationService auth;
    private final transient BundleContext context;
    private final transient ServiceComponentRuntime scr;
    private final transient Map<ServiceReference<RestResource>, RestResource> resources = new ConcurrentSkipListMap<>();
    private final transient ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "zhurnal-api-reaper");
        t.setDaemon(true);
        return t;
    });
    private transient volatile DataSource dataSource;
    private transient volatile ServletContainer container;
    private transient volatile boolean dirty = true;
    private transient volatile ServletConfig servletConfig;

    @Activate
    public ApiServlet(@Reference AuthenticationService auth, @Reference ServiceComponentRuntime scr, BundleContext context) {
        this.auth = auth;
        this.scr = scr;
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(RestResource resource, ServiceReference<RestResource> ref) {
        resources.put(ref, resource);
        dirty = true;
    }

    void removeResource(RestResource resource, ServiceReference<RestResource> ref) {
        resources.remove(ref);
        dirty = true;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(osgi.jndi.service.name=zhurnal)")
    void setDataSource(DataSource ds) {
        this.dataSource = ds;
    }

    void unsetDataSource(DataSource ds) {
        if (this.dataSource == ds) {
            this.dataSource = null;
        }
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        this.servletConfig = config;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String requestId = req.getHeader("X-Request-Id");
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        resp.setHeader("X-Request-Id", requestId);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        CallContext.bind(new CallContext(ZhurnalPrincipal.ANONYMOUS, requestId));
        Problems.bindLanguage(Problems.language(req.getHeader("Accept-Language")));
        try {
            current().service(req, resp);
        } finally {
            // Jetty reuses threads: never leave a caller bound to one.
            CallContext.unbind(null);
            Problems.unbindLanguage();
        }
    }

    private ServletContainer current() throws ServletException {
        ServletContainer c = container;
        if (c != null && !dirty) {
            return c;
        }
        synchronized (this) {
            if (container == null || dirty) {
                dirty = false;
                long start = System.nanoTime();
                ServletContainer fresh = new ServletContainer(application());
                fresh.init(servletConfig);
                ServletContainer old = container;
                container = fresh;
                if (old != null) {
                    reaper.schedule(old::destroy, 30, TimeUnit.SECONDS);
                }
                LOG.info("REST application built with {} module resources in {} ms", resources.size(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return container;
        }
    }

    private ResourceConfig application() {
        ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        ResourceConfig rc = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
                .property(ServerProperties.PROCESSING_RESPONSE_ERRORS_ENABLED, true)
                .register(new JacksonJsonProvider(mapper))
                .register(new ExceptionMappers.ProblemMapper())
                .register(new ExceptionMappers.JsonMapper())
                .register(new ExceptionMappers.WebMapper())
                .register(new ExceptionMappers.FallbackMapper())
                .register(new SecurityFeature(auth))
                .register(new HealthResource(context, scr, () -> dataSource))
                .register(new OpenApiResource(context, mapper));
        for (RestResource r : List.copyOf(resources.values())) {
            rc.register(r);
        }
        return rc;
    }

    @Deactivate
    void deactivate() {
        reaper.shutdownNow();
        ServletContainer c = container;
        container = null;
        if (c != null) {
            c.destroy();
        }
    }
}
