package org.zhurnal.core.internal.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.zhurnal.core.api.event.DomainEvent;
import org.zhurnal.core.internal.Json;
import org.zhurnal.core.internal.entity.EventEntity;

/**
 * The events of one {@code publishAll} in one outbox row: a lesson entry publishes a dozen events (one per mark and
 * absence) and writing, sequencing and reading one row instead of a dozen is most of what the outbox costs. The row's
 * payload is a JSON array of the events (id, type, school, payload as a string), its {@code batch_size} their number.
 * The sequencer gives the row the position of its last event, so the events of a row at position {@code P} with
 * {@code n} events have the positions {@code P - n + 1 … P}: positions stay one per event, dense and in commit order,
 * and a listener's progress may end inside a row.
 */
final class EventBatch {
    /** The {@code event_type} of a batch row (no listener's type prefix matches it; its events carry their own types). */
    static final String TYPE = "*batch";
    /** At most this many events share a row; a longer {@code publishAll} writes several rows. */
    static final int MAX_EVENTS = 200;

    /** One event of a batch row. */
    record Part(String id, String type, String schoolId, String payload) {
    }

    private EventBatch() {
    }

    static String encode(List<Part> parts) {
        return Json.write(parts);
    }

    /** @return the events of the row, each with its own position */
    static List<DomainEvent> events(EventEntity row) {
        long pos = row.getPos() == null ? 0 : row.getPos();
        if (row.getBatchSize() <= 1 && !TYPE.equals(row.getEventType())) {
            return List.of(row.toDTO());
        }
        Part[] parts = Json.read(row.getPayload(), Part[].class);
        if (parts.length != row.getBatchSize()) {
            throw new IllegalStateException("Outbox row " + row.getSerial() + " holds " + parts.length + " events, not " + row.getBatchSize());
        }
        List<DomainEvent> out = new ArrayList<>(parts.length);
        Instant at = Instant.ofEpochMilli(row.getOccurredAt());
        for (int i = 0; i < parts.length; i++) {
            Part p = parts[i];
            out.add(new DomainEvent(pos - parts.length + 1 + i, p.id(), p.type(), p.schoolId(), at, row.getActorId(), p.payload()));
        }
        return out;
    }
}
