package org.zhurnal.core.api.mail;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends e-mail through the SMTP server configured in {@code etc/org.zhurnal.mail.cfg}.
 * <p>Thread-safe. Synchronous: returns when the server has accepted the message.
 */
@ProviderType
public interface MailSender {

    /** @throws MailDeliveryException when the server is unreachable or refuses the message */
    void send(Mail mail) throws MailDeliveryException;

    /**
     * Sends with a stable Message-ID ({@code <messageId@zhurnal>}), so that a message sent again after a crash
     * (accepted by the server, not yet recorded as sent) is the same message to mail programs.
     *
     * @param messageId a unique id of letters, digits, dots and dashes; {@code null} lets the transport choose one
     * @throws MailDeliveryException when the server is unreachable or refuses the message
     * @since 1.1
     */
    default void send(Mail mail, String messageId) throws MailDeliveryException {
        send(mail);
    }
}
