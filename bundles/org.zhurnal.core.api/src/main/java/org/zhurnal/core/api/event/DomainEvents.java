package org.zhurnal.core.api.event;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes domain events into the transactional outbox. The event is stored in the caller's JTA
 * transaction; only after that transaction commits does the dispatcher deliver it to every
 * {@link DomainEventListener}, at least once and in commit order. A crash between commit and delivery
 * loses nothing; several nodes sharing one database deliver each event to a listener in order.
 * <p>Thread-safe.
 */
@ProviderType
public interface DomainEvents {

    /**
     * @param type event type, e.g. {@code "gradebook.mark.recorded"}
     * @param schoolId the school the event belongs to, or {@code "system"}
     * @param payload any JSON-serialisable value (a DTO or map)
     * @throws IllegalStateException if no transaction is active
     */
    void publish(String type, String schoolId, Object payload);

    /**
     * An event to publish with {@link #publishAll}.
     *
     * @param type event type
     * @param schoolId the school the event belongs to, or {@code "system"}
     * @param payload any JSON-serialisable value
     * @since 1.1
     */
    record Draft(String type, String schoolId, Object payload) {
    }

    /**
     * Publishes several events in the caller's transaction, in the list's order — as {@link #publish} one by one,
     * but the outbox may store them in one statement (a journal entry publishes a dozen).
     *
     * @throws IllegalStateException if no transaction is active
     * @since 1.1
     */
    default void publishAll(List<Draft> events) {
        for (Draft e : events) {
            publish(e.type(), e.schoolId(), e.payload());
        }
    }
}
