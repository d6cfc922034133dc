package org.zhurnal.core.api.event;

import java.time.Instant;

/**
 * A delivered domain event.
 *
 * @param position delivery position: strictly increasing in commit order, the same on every node
 * @param id unique id of the event (listeners that must be idempotent de-duplicate on it)
 * @param type event type
 * @param schoolId school of the event or {@code "system"}
 * @param occurredAt when it was published
 * @param actorId account id that caused it
 * @param payload the payload as JSON
 */
public record DomainEvent(long position, String id, String type, String schoolId, Instant occurredAt,
        String actorId, String payload) {
}
