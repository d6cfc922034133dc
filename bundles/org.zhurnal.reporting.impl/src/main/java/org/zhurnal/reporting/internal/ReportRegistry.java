package org.zhurnal.reporting.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhurnal.reporting.spi.ReportPlugin;

/** The installed report plug-ins by id; they come and go with their bundles (hot deployment). */
@Component(service = ReportRegistry.class)
public class ReportRegistry {
    private final Map<String, ReportPlugin> reports = new ConcurrentSkipListMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(ReportPlugin r) {
        reports.put(r.id(), r);
    }

    void remove(ReportPlugin r) {
        reports.remove(r.id(), r);
    }

    public List<ReportPlugin> all() {
        return List.copyOf(reports.values());
    }

    public Optional<ReportPlugin> get(String id) {
        return Optional.ofNullable(id == null ? null : reports.get(id));
    }
}
