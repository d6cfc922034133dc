package org.zhurnal.diary.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to deliver diary notifications. Register as an OSGi service with the property {@link #CHANNEL} set to
 * {@link #id()}. The diary's outbox calls {@link #deliver} from one background thread; a message whose delivery
 * throws is retried later with backoff, so delivery should be idempotent by {@link Notification#id()} where the
 * channel allows it (e-mail: the Message-ID).
 */
@ConsumerType
public interface NotificationChannel {
    /** Service property: the channel id. */
    String CHANNEL = "zhurnal.diary.channel";

    /** @return the channel id, e.g. {@code email}, {@code sms} */
    String id();

    /** @return the roster contact kind this channel delivers to, e.g. {@code EMAIL} or {@code PHONE} */
    String contactKind();

    /**
     * Delivers one message; returns when the channel has accepted it.
     *
     * @throws Exception when it could not be delivered now (it is retried)
     */
    void deliver(Notification notification) throws Exception;
}
