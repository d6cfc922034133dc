package org.zhurnal.diary.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.event.DomainEvent;
import org.zhurnal.core.api.event.DomainEventListener;
import org.zhurnal.gradebook.api.GradebookEvents;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evicts cached diary weeks when the domain events say something changed: a student's marks and absences evict
 * that student's weeks; anything else the diary shows (homework, final grades, substitutions, period states,
 * roster imports) empties the cache. The listener id carries this node's Karaf name, so every node of a cluster
 * hears every event for its own cache.
 */
// No DS service: the listener is registered by hand, with a per-node id.
@Component(service = {}, immediate = true)
public class CacheInvalidator implements DomainEventListener {
    static final String[] TYPES = { "gradebook.", "timetable.", "calendar.", "bells.", "roster." };

    private final WeekCache cache;
    private final org.osgi.framework.ServiceRegistration<DomainEventListener> registration;

    @Activate
    public CacheInvalidator(@Reference WeekCache cache, org.osgi.framework.BundleContext context) {
        this.cache = cache;
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(DomainEventListener.LISTENER_ID, "diary.cache@" + System.getProperty("karaf.name", "node"));
        props.put(DomainEventListener.EVENT_TYPES, TYPES);
        props.put(DomainEventListener.BATCH, Boolean.TRUE); // evicting twice is harmless
        registration = context.registerService(DomainEventListener.class, this, props);
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        registration.unregister();
    }

    @Override
    public void onEvent(DomainEvent event) throws Exception {
        switch (event.type()) {
            case GradebookEvents.MARK_RECORDED, GradebookEvents.MARK_CHANGED, GradebookEvents.ABSENCE_RECORDED -> {
                JsonNode student = Notifier.JSON.readTree(event.payload()).get("studentId");
                if (student != null && student.isTextual()) {
                    cache.evictStudent(student.asText());
                } else {
                    cache.clear();
                }
            }
            default -> cache.clear();
        }
    }
}
