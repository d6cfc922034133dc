package org.zhurnal.core.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A whiteboard listener of domain events. Register it as an OSGi service with the property
 * {@link #LISTENER_ID} (a stable name: its progress is stored under it) and optionally
 * {@link #EVENT_TYPES} (type prefixes it wants; all when absent).
 * <p>Delivery is at least once and in order: if {@link #onEvent} throws, the same event is offered
 * again later (with backoff) before any later one. Implementations should be idempotent by
 * {@link DomainEvent#id()}.
 */
@ConsumerType
public interface DomainEventListener {

    /** Service property: the listener's stable id (required). */
    String LISTENER_ID = "zhurnal.event.listener";

    /** Service property: String or String[] of event type prefixes. */
    String EVENT_TYPES = "zhurnal.event.types";

    /** Handles one event; throw to have it redelivered. */
    void onEvent(DomainEvent event) throws Exception;
}
