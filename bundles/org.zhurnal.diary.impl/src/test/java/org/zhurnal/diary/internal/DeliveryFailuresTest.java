package org.zhurnal.diary.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.Text;

/** The delivery log's «Ошибка» column: what a failed attempt means for the class teacher, not the exception. */
class DeliveryFailuresTest {
    private static final String UNREACHABLE = "MailDeliveryException: Mail to olga@example.net was not sent: Couldn't connect to host, "
            + "port: 127.0.0.1, 25; timeout 10000";

    @Test
    void anUnreachableMailServerIsRetriedOrGivenUp() {
        Text retried = DeliveryFailures.explain("email", Outbox.PENDING, UNREACHABLE);
        assertEquals("Почтовый сервер недоступен; письмо будет отправлено повторно", retried.ru());
        assertEquals("The mail server is unreachable; it will be sent again", retried.en());
        assertEquals(retried, DeliveryFailures.explain("email", Outbox.SENDING, UNREACHABLE));
        Text given = DeliveryFailures.explain("email", Outbox.FAILED, UNREACHABLE);
        assertEquals("Почтовый сервер недоступен; попытки отправки исчерпаны, письмо не отправлено (когда причина будет устранена, "
                + "нажмите «Повторить»)", given.ru());
        assertEquals("The mail server is unreachable; the attempts are used up and the message was not sent (press Retry once the cause "
                + "is removed)", given.en());
    }

    @Test
    void aRefusedLoginOrAddressAndOtherTroubles() {
        assertEquals(DeliveryFailures.Kind.AUTHENTICATION, DeliveryFailures.kind(
                "MailDeliveryException: Mail to a@example.net was not sent: 535 5.7.8 Authentication credentials invalid"));
        assertEquals("Почтовый сервер не принимает учётные данные системы: сообщите администратору; письмо будет отправлено повторно",
                DeliveryFailures.explain("email", Outbox.PENDING, "AuthenticationFailedException: failed to connect").ru());
        assertEquals(DeliveryFailures.Kind.ADDRESS, DeliveryFailures.kind(
                "MailDeliveryException: Mail to nobody@example.net was not sent: Invalid Addresses (SendFailedException ← SMTPAddressFailedException)"));
        assertEquals(DeliveryFailures.Kind.ADDRESS, DeliveryFailures.kind("MailDeliveryException: Mail to x was not sent: 550 5.1.1 User unknown"));
        assertEquals(DeliveryFailures.Kind.UNREACHABLE, DeliveryFailures.kind("MailDeliveryException: Mail to x was not sent: Unknown SMTP host: mx"));
        assertEquals(DeliveryFailures.Kind.OTHER, DeliveryFailures.kind("IllegalStateException: no transport"));
        assertEquals("Оповещение не удалось отправить; оповещение будет отправлено повторно",
                DeliveryFailures.explain("sms", Outbox.PENDING, "IllegalStateException: quota").ru());
    }

    @Test
    void nothingToExplainWithoutAnErrorOrOnceSent() {
        assertNull(DeliveryFailures.explain("email", Outbox.PENDING, null));
        assertNull(DeliveryFailures.explain("email", Outbox.PENDING, " "));
        assertNull(DeliveryFailures.explain("email", Outbox.SENT, UNREACHABLE));
    }

    @Test
    void theRecordedErrorNamesItsCauses() {
        Exception e = new Exception("Mail to a@example.net was not sent: Couldn't connect to host",
                new IllegalStateException("wrapper", new ConnectException("Connection refused")));
        assertEquals("Exception: Mail to a@example.net was not sent: Couldn't connect to host (IllegalStateException ← ConnectException)",
                DeliveryFailures.describe(e));
        assertEquals("IllegalStateException", DeliveryFailures.describe(new IllegalStateException()));
    }
}
