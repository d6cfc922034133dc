package org.zhurnal.rest.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.FailedServletDTO;
import org.osgi.service.http.runtime.dto.RuntimeDTO;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure that requests under {@code /api/v1} reach {@link ApiServlet}. Rarely, a container has come up with the
 * servlet's component active and its service registered but the HTTP runtime answering {@code /api/v1/*} with the
 * site's static servlet (404 for GET, 405 for POST) for minutes — the whole API down while the page loads. The cause
 * lies in the HTTP runtime's registration of the whiteboard servlet and was not found; this watch turns that state
 * into a short outage with a diagnosis in the log.
 * <p>
 * Every few seconds until the API first answers, then every {@value #STEADY_SECONDS} s, it sends a request with a
 * fresh {@code X-Request-Id} to the server's own address: ApiServlet echoes that header, nothing else on the site does. When
 * {@value #MISSES} probes in a row reach the server but not ApiServlet while its component is satisfied or active, it
 * logs the runtime's view of the servlets (registered and failed, with their reasons) and registers the servlet again
 * by disabling and enabling its component, at most once a minute.
 */
@Component(immediate = true)
public class ApiWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ApiWatch.class);
    static final int MISSES = 3;
    static final int STARTING_SECONDS = 3;
    static final int STEADY_SECONDS = 30;
    private static final long HEAL_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final String PATH = "/api/v1/.probe";

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "zhurnal-api-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile HttpServiceRuntime runtime;
    private volatile Map<String, Object> serverProperties = Map.of();
    private int misses;
    private boolean answeredOnce;
    private long lastHeal = System.nanoTime() - HEAL_INTERVAL_NANOS;

    @Activate
    public ApiWatch(@Reference ServiceComponentRuntime scr, BundleContext context) {
        this.scr = scr;
        this.context = context;
        schedule(STARTING_SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setRuntime(HttpServiceRuntime runtime) {
        this.runtime = runtime;
    }

    void unsetRuntime(HttpServiceRuntime runtime) {
        if (this.runtime == runtime) {
            this.runtime = null;
        }
    }

    /** Only its service properties: Pax Web publishes the server's port and addresses on the HTTP service. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, service = HttpService.class)
    void setHttpService(Map<String, Object> properties) {
        this.serverProperties = properties;
    }

    void unsetHttpService(Map<String, Object> properties) {
        if (properties.equals(this.serverProperties)) {
            this.serverProperties = Map.of();
        }
    }

    private void schedule(int seconds) {
        if (!timer.isShutdown()) {
            timer.schedule(this::check, seconds, TimeUnit.SECONDS);
        }
    }

    private void check() {
        try {
            Outcome outcome = probe();
            if (outcome == Outcome.API) {
                if (misses >= MISSES || !answeredOnce) {
                    LOG.info("The REST API answers at {}", PATH.substring(0, PATH.lastIndexOf('/')));
                }
                misses = 0;
                answeredOnce = true;
            } else if (outcome == Outcome.OTHER && servletComponentUp()) {
                misses++;
                if (misses >= MISSES && System.nanoTime() - lastHeal >= HEAL_INTERVAL_NANOS) {
                    lastHeal = System.nanoTime();
                    LOG.warn("Requests under /api/v1 have not reached the REST servlet for {} probes although its component is up; "
                            + "the HTTP runtime reports: {}. Registering the servlet again.", misses, runtimeView());
                    reregister();
                }
            } else {
                misses = 0; // the server is not listening yet, or the servlet is legitimately down (a missing dependency)
            }
        } catch (RuntimeException e) {
            LOG.warn("REST API watch failed: {}", e.toString());
        } finally {
            schedule(answeredOnce && misses == 0 ? STEADY_SECONDS : STARTING_SECONDS);
        }
    }

    enum Outcome { API, OTHER, NO_SERVER }

    private Outcome probe() {
        Integer port = port();
        if (port == null) {
            return Outcome.NO_SERVER;
        }
        String id = "watch-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host() + ":" + port + PATH)).timeout(Duration.ofSeconds(5))
                .header("X-Request-Id", id).GET().build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return id.equals(response.headers().firstValue("X-Request-Id").orElse(null)) ? Outcome.API : Outcome.OTHER;
        } catch (java.io.IOException e) {
            return Outcome.NO_SERVER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.NO_SERVER;
        }
    }

    private Integer port() {
        Object port = serverProperties.get("org.osgi.service.http.port");
        if (port == null) {
            return null;
        }
        try {
            return Integer.valueOf(port.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The first address the server listens on, or the loopback one when it listens on all of them. */
    private String host() {
        Object addresses = serverProperties.get("org.ops4j.pax.web.listening.addresses");
        String first = addresses instanceof String[] a && a.length > 0 ? a[0]
                : addresses instanceof String a ? a.split(",")[0] : "";
        first = first.trim();
        if (first.isEmpty() || "0.0.0.0".equals(first) || "::".equals(first) || "[::]".equals(first)) {
            return "127.0.0.1";
        }
        return first.contains(":") && !first.startsWith("[") ? "[" + first + "]" : first;
    }

    private ComponentDescriptionDTO servletDescription() {
        return scr.getComponentDescriptionDTO(context.getBundle(), ApiServlet.class.getName());
    }

    private boolean servletComponentUp() {
        ComponentDescriptionDTO d = servletDescription();
        if (d == null || !scr.isComponentEnabled(d)) {
            return false;
        }
        for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
            if (c.state == ComponentConfigurationDTO.SATISFIED || c.state == ComponentConfigurationDTO.ACTIVE) {
                return true;
            }
        }
        return false;
    }

    private void reregister() {
        ComponentDescriptionDTO d = servletDescription();
        try {
            scr.disableComponent(d).getValue();
            scr.enableComponent(d).getValue();
        } catch (java.lang.reflect.InvocationTargetException e) {
            LOG.warn("Re-registering the REST servlet failed: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String runtimeView() {
        HttpServiceRuntime r = runtime;
        if (r == null) {
            return "no HTTP runtime";
        }
        RuntimeDTO dto = r.getRuntimeDTO();
        StringBuilder s = new StringBuilder();
        for (ServletContextDTO c : dto.servletContextDTOs) {
            s.append("context '").append(c.name).append("' ").append(c.contextPath).append(" servlets ")
                    .append(Arrays.stream(c.servletDTOs).map(v -> v.name + Arrays.toString(v.patterns) + "#" + v.serviceId)
                            .collect(Collectors.joining(", ", "[", "]")))
                    .append("; ");
        }
        s.append("failed servlets ").append(Arrays.stream(dto.failedServletDTOs).map(ApiWatch::failed)
                .collect(Collectors.joining(", ", "[", "]")));
        return s.toString();
    }

    private static String failed(FailedServletDTO f) {
        return f.name + Arrays.toString(f.patterns) + "#" + f.serviceId + " reason " + f.failureReason;
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
