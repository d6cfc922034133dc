package org.zhurnal.diary.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.Text;
import org.zhurnal.diary.internal.Outbox;

/** A message of the delivery log reads why it is not delivered in the reader's language; the technical text stays beside it. */
class DeliveryTest {
    private static Outbox.Message message(String status, String error) {
        Instant at = Instant.parse("2026-11-16T18:00:00Z");
        return new Outbox.Message("m1", "school", "s1", "p1", "Лебедева Ольга", "email", "olga@example.net", "INSTANT", "Дневник", "…", status, 3,
                at, error, at, null);
    }

    @Test
    void theFailureInTheReadersLanguage() throws Exception {
        String error = "MailDeliveryException: Mail to olga@example.net was not sent: Couldn't connect to host, port: 127.0.0.1, 25; timeout 10000";
        DiaryResource.Delivery ru = DiaryResource.Delivery.of(message(Outbox.PENDING, error), Text.preferred("ru-RU,ru;q=0.9"));
        assertEquals("Почтовый сервер недоступен; письмо будет отправлено повторно", ru.failure());
        assertEquals(error, ru.lastError());
        DiaryResource.Delivery en = DiaryResource.Delivery.of(message(Outbox.PENDING, error), Locale.ENGLISH);
        assertEquals("The mail server is unreachable; it will be sent again", en.failure());
        String json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().writeValueAsString(ru);
        assertTrue(json.contains("\"failure\":\"Почтовый сервер недоступен") && json.contains("\"lastError\":\"MailDeliveryException"), json);
        assertEquals(null, DiaryResource.Delivery.of(message(Outbox.SENT, null), Text.RUSSIAN).failure());
    }
}
