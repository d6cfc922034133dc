package org.zhurnal.core.api.event;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A whiteboard listener of domain events. Register it as an OSGi service with the property
 * {@link #LISTENER_ID} (a stable name: its progress is stored under it) and optionally
 * {@link #EVENT_TYPES} (type prefixes it wants; all when absent).
 * <p>Delivery is at least once and in order: if {@link #onEvent} throws, the same event is offered
 * again later (with backoff) before any later one. Implementations should be idempotent by
 * {@link DomainEvent#id()}.
 * <p>Each event is handed over in a transaction of its own, which also stores the listener's progress, unless the
 * listener is registered with {@link #BATCH} {@code true}: then up to the dispatcher's batch size of events go to it
 * in one transaction (one commit instead of one per event, for listeners that keep up with a lesson entry's dozen
 * events). If a batch fails, its transaction is rolled back and its events are offered again one per transaction,
 * so a batch listener may see the events before the failing one twice: its effects must be transactional or
 * idempotent.
 */
@ConsumerType
public interface DomainEventListener {

    /** Service property: the listener's stable id (required). */
    String LISTENER_ID = "zhurnal.event.listener";

    /** Service property: String or String[] of event type prefixes. */
    String EVENT_TYPES = "zhurnal.event.types";

    /**
     * Service property: Boolean (or "true") — the listener takes several events per transaction (see above).
     * @since 1.2
     */
    String BATCH = "zhurnal.event.batch";

    /** Handles one event; throw to have it redelivered. */
    void onEvent(DomainEvent event) throws Exception;

    /**
     * Handles, in one transaction, the events of its types a {@link #BATCH} listener is given together, in their order;
     * throw to have them offered again one per transaction (through {@link #onEvent}). The default hands them to
     * {@link #onEvent} one by one; a listener overrides it to do their work together (one read of what all of them
     * need, one write).
     *
     * @param events at least one
     * @since 1.3
     */
    default void onEvents(List<DomainEvent> events) throws Exception {
        for (DomainEvent e : events) {
            onEvent(e);
        }
    }
}
