package org.zhurnal.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zhurnal.core.api.mail.Mail;
import org.zhurnal.core.api.mail.MailDeliveryException;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** Against a real SMTP server (GreenMail). */
class SmtpMailSenderTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static SmtpMailSender.Config config(int port) {
        return new SmtpMailSender.Config() {
            public Class<? extends Annotation> annotationType() { return SmtpMailSender.Config.class; }
            public String host() { return "127.0.0.1"; }
            public int port() { return port; }
            public String from() { return "school7@example.org"; }
            public String username() { return ""; }
            public String password() { return ""; }
            public boolean startTls() { return false; }
            public boolean ssl() { return false; }
            public int timeoutMillis() { return 3000; }
        };
    }

    @Test
    void sendsCyrillicTextInUtf8() throws Exception {
        new SmtpMailSender(config(greenMail.getSmtp().getPort()))
                .send(new Mail("parent@example.org", "Журнал: учётная запись", "Логин: ivanova.mp\nЁжик в тумане"));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("Журнал: учётная запись", received[0].getSubject());
        assertEquals("parent@example.org", received[0].getAllRecipients()[0].toString());
        assertEquals("school7@example.org", received[0].getFrom()[0].toString());
        assertTrue(GreenMailUtil.getBody(received[0]).length() > 0);
        assertTrue(((String) received[0].getContent()).contains("Ёжик в тумане"));
    }

    @Test
    void aStableMessageIdIsKeptWhenTheSameMessageIsSentAgain() throws Exception {
        SmtpMailSender sender = new SmtpMailSender(config(greenMail.getSmtp().getPort()));
        Mail mail = new Mail("parent@example.org", "Дневник", "Оценка 5");
        sender.send(mail, "diary.42");
        sender.send(mail, "diary.42");
        sender.send(mail);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(3, received.length);
        assertEquals("<diary.42@zhurnal>", received[0].getMessageID());
        assertEquals("<diary.42@zhurnal>", received[1].getMessageID());
        assertTrue(!received[2].getMessageID().equals("<diary.42@zhurnal>"));
        assertThrows(IllegalArgumentException.class, () -> sender.send(mail, "bad id>"));
    }

    @Test
    void anUnreachableServerIsReportedNotIgnored() {
        SmtpMailSender sender = new SmtpMailSender(config(1));
        MailDeliveryException e = assertThrows(MailDeliveryException.class,
                () -> sender.send(new Mail("parent@example.org", "x", "y")));
        assertTrue(e.getMessage().contains("parent@example.org"));
    }
}
