package org.zhurnal.mail.internal;

import java.util.Date;
import java.util.Properties;

import javax.mail.Authenticator;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.PasswordAuthentication;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.core.api.mail.Mail;
import org.zhurnal.core.api.mail.MailDeliveryException;
import org.zhurnal.core.api.mail.MailSender;

/**
 * SMTP through Jakarta Mail. Connections to the server are reused (see {@link Connections}): a round of the diary's
 * notifications is a few hundred messages, and a connection, greeting and login per message would cost the relay and
 * this server more than the messages themselves.
 */
@Component(service = MailSender.class, configurationPid = "org.zhurnal.mail", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SmtpMailSender.Config.class)
public class SmtpMailSender implements MailSender {

    @ObjectClassDefinition(name = "Zhurnal mail", description = "The SMTP server Zhurnal sends e-mail through")
    public @interface Config {
        @AttributeDefinition(description = "SMTP host")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "SMTP port (25, 587 with STARTTLS, 465 with SSL)")
        int port() default 25;

        @AttributeDefinition(description = "Sender address")
        String from() default "zhurnal@localhost";

        @AttributeDefinition(description = "User name; empty for no authentication")
        String username() default "";

        @AttributeDefinition(description = "Password", type = AttributeType.PASSWORD)
        String password() default "";

        @AttributeDefinition(description = "Require STARTTLS")
        boolean startTls() default false;

        @AttributeDefinition(description = "Connect with SSL/TLS from the start")
        boolean ssl() default false;

        @AttributeDefinition(description = "Connect and read timeout in milliseconds")
        int timeoutMillis() default 10_000;
    }

    /** The configuration and its mail session, made once per configuration (a session reads Jakarta Mail's provider files). */
    record Setup(Config config, Session session) {
    }

    private volatile Setup setup;
    private final Connections connections = new Connections();

    @Activate
    public SmtpMailSender(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        this.setup = new Setup(config, session(config));
        connections.closeIdle(0); // connections to the old server (or with the old login) are not used again
    }

    /** @return how many SMTP connections were opened so far */
    long connectionsOpened() {
        return connections.opened();
    }

    @Deactivate
    void deactivate() {
        connections.shutdown();
    }

    private static Session session(Config c) {
        Properties p = new Properties();
        String proto = c.ssl() ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", c.host());
        p.put("mail." + proto + ".port", Integer.toString(c.port()));
        p.put("mail." + proto + ".connectiontimeout", Integer.toString(c.timeoutMillis()));
        p.put("mail." + proto + ".timeout", Integer.toString(c.timeoutMillis()));
        p.put("mail." + proto + ".writetimeout", Integer.toString(c.timeoutMillis()));
        p.put("mail." + proto + ".starttls.enable", Boolean.toString(c.startTls()));
        p.put("mail." + proto + ".starttls.required", Boolean.toString(c.startTls()));
        boolean auth = !c.username().isEmpty();
        p.put("mail." + proto + ".auth", Boolean.toString(auth));
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(Session.class.getClassLoader());
        try {
            return Session.getInstance(p, auth ? new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(c.username(), c.password());
                }
            } : null);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    @Override
    public void send(Mail mail) throws MailDeliveryException {
        send(mail, null);
    }

    @Override
    public void send(Mail mail, String messageId) throws MailDeliveryException {
        if (messageId != null && !messageId.matches("[A-Za-z0-9.-]{1,200}")) {
            throw new IllegalArgumentException("messageId: letters, digits, dots and dashes only");
        }
        Setup current = setup;
        // Jakarta Mail finds its content handlers through the context class loader; in a servlet thread
        // that is Pax Web's, so switch to the mail bundle's for the send.
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(Session.class.getClassLoader());
        try {
            MimeMessage m = new Outgoing(current.session(), messageId, mail.subject());
            m.setFrom(new InternetAddress(current.config().from()));
            m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
            m.setText(mail.text(), "UTF-8");
            m.setSentDate(new Date());
            m.saveChanges();
            connections.send(current, m);
        } catch (MessagingException e) {
            throw new MailDeliveryException("Mail to " + mail.to() + " was not sent: " + e.getMessage(), e);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /**
     * A message with its own Message-ID (when given) that answers {@link #getSubject()} with the subject it was given.
     * The SMTP transport asks every message for its subject before sending it; a Cyrillic subject is stored as RFC 2047
     * encoded words, and decoding them back allocated a decoder with an 8 KiB buffer per word, for nothing: nearly all
     * of what the diary's sender allocated under a stream of journal entries (docs/benchmarks.md, Gradebook stop 22).
     */
    static final class Outgoing extends MimeMessage {
        private final String messageId;
        private final String subject;

        Outgoing(Session session, String messageId, String subject) throws MessagingException {
            super(session);
            this.messageId = messageId;
            this.subject = subject;
            setSubject(subject, "UTF-8");
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", "<" + messageId + "@zhurnal>");
            }
        }

        @Override
        public String getSubject() {
            return subject;
        }
    }
}
