package org.zhurnal.gradebook.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.gradebook.api.SchemeInfo;
import org.zhurnal.gradebook.spi.GradingScheme;
import org.zhurnal.gradebook.spi.MarkUse;

/**
 * The whiteboard of grading-scheme plug-ins. Plug-ins come and go at any time (hot deploy into {@code deploy/});
 * for each scheme id the service with the highest ranking wins. Thread-safe.
 */
@Component(service = GradingSchemes.class)
public class GradingSchemes {
    private static final Logger LOG = LoggerFactory.getLogger(GradingSchemes.class);

    private record Registered(GradingScheme scheme, String id, int ranking, long serviceId, String bundle) {}

    private final List<Registered> registered = new CopyOnWriteArrayList<>();
    private final Map<String, Registered> byId = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addScheme(GradingScheme scheme, ServiceReference<GradingScheme> ref) {
        Object prop = ref.getProperty(GradingScheme.SCHEME_PROPERTY);
        String id = prop == null ? scheme.id() : prop.toString();
        if (!id.equals(scheme.id())) {
            LOG.warn("Grading scheme service {} has property {}={} but id() {}; using {}", ref.getProperty(Constants.SERVICE_ID),
                    GradingScheme.SCHEME_PROPERTY, id, scheme.id(), scheme.id());
            id = scheme.id();
        }
        Object r = ref.getProperty(Constants.SERVICE_RANKING);
        String bundle = ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName() + " " + ref.getBundle().getVersion();
        registered.add(new Registered(scheme, id, r instanceof Integer i ? i : 0, (Long) ref.getProperty(Constants.SERVICE_ID), bundle));
        rebuild(id);
        LOG.info("Grading scheme «{}» available from {}", id, bundle);
    }

    void removeScheme(GradingScheme scheme, ServiceReference<GradingScheme> ref) {
        Long serviceId = (Long) ref.getProperty(Constants.SERVICE_ID);
        registered.removeIf(r -> r.serviceId() == serviceId);
        String id = scheme.id();
        rebuild(id);
        LOG.info("Grading scheme «{}» removed; its marks stay readable", id);
    }

    private synchronized void rebuild(String id) {
        Optional<Registered> best = registered.stream().filter(r -> r.id().equals(id))
                .max(Comparator.comparingInt(Registered::ranking).thenComparing(Registered::serviceId, Comparator.reverseOrder()));
        best.ifPresentOrElse(b -> byId.put(id, b), () -> byId.remove(id));
    }

    /** @return the scheme, if its plug-in is installed now */
    public Optional<GradingScheme> get(String id) {
        Registered r = id == null ? null : byId.get(id);
        return r == null ? Optional.empty() : Optional.of(r.scheme());
    }

    /** @return the installed schemes, by id */
    public List<SchemeInfo> list() {
        return byId.values().stream().sorted(Comparator.comparing(Registered::id)).map(r -> {
            GradingScheme s = r.scheme();
            return new SchemeInfo(r.id(), s.name(Locale.forLanguageTag("ru")), s.name(Locale.ENGLISH), s.values(MarkUse.CURRENT),
                    s.values(MarkUse.FINAL), r.bundle());
        }).toList();
    }
}
