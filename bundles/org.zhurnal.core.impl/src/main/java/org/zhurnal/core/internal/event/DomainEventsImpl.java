package org.zhurnal.core.internal.event;

import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.ZhurnalConstants;
import org.zhurnal.core.api.event.DomainEvents;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.internal.Json;
import org.zhurnal.core.internal.persistence.CoreSchema;

/** Writes events into the outbox table inside the caller's transaction. */
@Component(service = DomainEvents.class)
public class DomainEventsImpl implements DomainEvents {
    private final JpaTemplate jpa;
    private final ZhurnalClock clock;

    @Activate
    public DomainEventsImpl(@Reference(target = "(osgi.unit.name=zhurnal-core)") JpaTemplate jpa,
            @Reference ZhurnalClock clock, @Reference CoreSchema schema) {
        this.jpa = jpa;
        this.clock = clock;
    }

    @Override
    public void publish(String type, String schoolId, Object payload) {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("event type is required");
        }
        String json = Json.write(payload);
        String actor = CallContext.currentOrSystem().principal().accountId();
        long now = clock.now().toEpochMilli();
        jpa.tx(TransactionType.Mandatory, em -> em.createNativeQuery(
                "INSERT INTO zh_event (id, event_type, school_id, actor_id, occurred_at, payload)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, UUID.randomUUID().toString()).setParameter(2, type)
                .setParameter(3, schoolId == null ? ZhurnalConstants.SYSTEM_SCOPE : schoolId)
                .setParameter(4, actor).setParameter(5, now).setParameter(6, json).executeUpdate());
    }
}
