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
}
