package org.zhurnal.core.internal.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
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
    private final EventSerials serials = EventSerials.SHARED;

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

    private static final List<String> COLUMNS = List.of("id", "event_type", "school_id", "actor_id", "occurred_at", "payload", "batch_size");
    /** The columns with the serial first, where the JVM numbers the rows ({@link EventSerials}). */
    private static final List<String> NUMBERED_COLUMNS = List.of("serial", "id", "event_type", "school_id", "actor_id", "occurred_at",
            "payload", "batch_size");

    /**
     * One outbox row for one event; the events of a longer list share rows of up to {@link EventBatch#MAX_EVENTS} (see
     * {@link EventBatch}), which listeners still receive one by one, each with its own id and position.
     */
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
        List<Object[]> rows = new ArrayList<>();
        for (int from = 0; from < events.size(); from += EventBatch.MAX_EVENTS) {
            List<Draft> part = events.subList(from, Math.min(events.size(), from + EventBatch.MAX_EVENTS));
            if (part.size() == 1) {
                Draft e = part.get(0);
                rows.add(new Object[] {Ids.timeOrdered(), e.type(), scope(e), actor, now, Json.write(e.payload()), 1});
            } else {
                List<EventBatch.Part> parts = new ArrayList<>(part.size());
                for (Draft e : part) {
                    parts.add(new EventBatch.Part(Ids.timeOrdered(), e.type(), scope(e), Json.write(e.payload())));
                }
                rows.add(new Object[] {parts.get(0).id(), EventBatch.TYPE, parts.get(0).schoolId(), actor, now, EventBatch.encode(parts),
                    parts.size()});
            }
        }
        jpa.tx(TransactionType.Mandatory, em -> {
            boolean numbered = numbersRows(em);
            List<String> columns = numbered ? NUMBERED_COLUMNS : COLUMNS;
            // as a native query of the entity manager (RowInserts builds the statement)
            for (int from = 0; from < rows.size(); from += RowInserts.ROWS_PER_STATEMENT) {
                List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + RowInserts.ROWS_PER_STATEMENT));
                Query q = em.createNativeQuery(RowInserts.sql("zh_event", columns, part.size()));
                int n = 1;
                for (Object[] row : part) {
                    if (numbered) {
                        q.setParameter(n++, serials.next());
                    }
                    for (Object value : row) {
                        q.setParameter(n++, value);
                    }
                }
                q.executeUpdate();
            }
        });
    }

    /** Whether this JVM numbers the outbox rows (decided on the first write, see {@link EventSerials}). */
    private boolean numbersRows(EntityManager em) {
        Boolean decided = serials.decided();
        if (decided != null) {
            return decided;
        }
        // The handle the provider lends for its current transaction; closing it returns it, the transaction goes on.
        try (Connection c = em.unwrap(Connection.class)) {
            return serials.numbersRows(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the outbox's highest serial failed", e);
        }
    }

    private static String scope(Draft e) {
        return e.schoolId() == null ? ZhurnalConstants.SYSTEM_SCOPE : e.schoolId();
    }
}
