package org.zhurnal.core.api.mail;

/** The mail server refused or could not be reached; the message was not sent. */
public class MailDeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
