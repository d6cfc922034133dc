package org.zhurnal.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.ServerSocket;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.zhurnal.core.api.mail.Mail;
import org.zhurnal.core.api.mail.MailDeliveryException;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
    void aLongCyrillicSubjectArrivesWhole() throws Exception {
        // folded into several RFC 2047 encoded words, which the message no longer decodes back before sending
        String subject = "Дневник: Иванова Мария Петровна — оценка 5 по предмету «Литературное чтение на родном языке»";
        new SmtpMailSender(config(greenMail.getSmtp().getPort())).send(new Mail("parent@example.org", subject, "Текст"), "diary.7");
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertTrue(received.getHeader("Subject")[0].contains("=?UTF-8?"), received.getHeader("Subject")[0]);
        assertEquals(subject, received.getSubject());
        assertEquals("<diary.7@zhurnal>", received.getMessageID());
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
    void messagesShareConnectionsUpToTheirLimit() throws Exception {
        SmtpMailSender sender = new SmtpMailSender(config(greenMail.getSmtp().getPort()));
        int n = Connections.MAX_USES + 20;
        for (int i = 0; i < n; i++) {
            sender.send(new Mail("parent" + i + "@example.org", "Дневник " + i, "Оценка " + i), "diary." + i);
        }
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(n, received.length);
        assertEquals("<diary." + (n - 1) + "@zhurnal>", received[n - 1].getMessageID());
        assertEquals("parent" + (n - 1) + "@example.org", received[n - 1].getAllRecipients()[0].toString());
        assertEquals(2, sender.connectionsOpened(), "one connection per " + Connections.MAX_USES + " messages");
        sender.deactivate();
    }

    @Test
    void aKeptConnectionTheServerDroppedIsReplacedWithoutLosingTheMessage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail first = new GreenMail(setup);
        first.start();
        SmtpMailSender sender = new SmtpMailSender(config(port));
        try {
            sender.send(new Mail("parent@example.org", "до", "первое"));
            assertEquals(1, first.getReceivedMessages().length);
        } finally {
            first.stop(); // drops the connection the sender keeps
        }
        GreenMail second = new GreenMail(setup);
        second.start();
        try {
            sender.send(new Mail("parent@example.org", "после", "второе"));
            assertEquals(1, second.getReceivedMessages().length);
            assertEquals("после", second.getReceivedMessages()[0].getSubject());
            assertEquals(2, sender.connectionsOpened());
        } finally {
            sender.deactivate();
            second.stop();
        }
    }

    @Test
    void aNewConfigurationIsUsedForTheNextMessage() throws Exception {
        GreenMail other = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        other.start();
        try {
            SmtpMailSender sender = new SmtpMailSender(config(greenMail.getSmtp().getPort()));
            sender.send(new Mail("parent@example.org", "a", "1"));
            sender.modified(config(other.getSmtp().getPort()));
            sender.send(new Mail("parent@example.org", "b", "2"));
            assertEquals(1, greenMail.getReceivedMessages().length);
            assertEquals(1, other.getReceivedMessages().length);
            assertEquals("b", other.getReceivedMessages()[0].getSubject());
            sender.deactivate();
        } finally {
            other.stop();
        }
    }

    @Test
    void anUnreachableServerIsReportedNotIgnored() {
        SmtpMailSender sender = new SmtpMailSender(config(1));
        MailDeliveryException e = assertThrows(MailDeliveryException.class,
                () -> sender.send(new Mail("parent@example.org", "x", "y")));
        assertTrue(e.getMessage().contains("parent@example.org"));
    }
}
