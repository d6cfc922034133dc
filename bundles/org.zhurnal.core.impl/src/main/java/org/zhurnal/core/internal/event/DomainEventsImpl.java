package org.zhurnal.core.internal.event;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.Query;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.persistence.Ids;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.ZhurnalConstants;
import org.zhurnal.core.api.persistence.RowInserts;
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
        publishAll(List.of(new Draft(type, schoolId, payload)));
    }

    private static final List<String> COLUMNS = List.of("id", "event_type", "school_id", "actor_id", "occurred_at", "payload");

    @Override
    public void publishAll(List<Draft> events) {
        for (Draft e : events) {
            if (e.type() == null || e.type().isBlank()) {
                throw new IllegalArgumentException("event type is required");
            }
        }
        if (events.isEmpty()) {
            return;
        }
        String actor = CallContext.currentOrSystem().principal().accountId();
        long now = clock.now().toEpochMilli();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Draft e : events) {
            rows.add(new Object[] {Ids.timeOrdered(), e.type(),
                    e.schoolId() == null ? ZhurnalConstants.SYSTEM_SCOPE : e.schoolId(), actor, now, Json.write(e.payload())});
        }
        jpa.tx(TransactionType.Mandatory, em -> {
            // as a native query of the entity manager (RowInserts builds the statement)
            for (int from = 0; from < rows.size(); from += RowInserts.ROWS_PER_STATEMENT) {
                List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + RowInserts.ROWS_PER_STATEMENT));
                Query q = em.createNativeQuery(RowInserts.sql("zh_event", COLUMNS, part.size()));
                for (int i = 0; i < part.size(); i++) {
                    for (int c = 0; c < 6; c++) {
                        q.setParameter(i * 6 + c + 1, part.get(i)[c]);
                    }
                }
                q.executeUpdate();
            }
        });
    }
}
