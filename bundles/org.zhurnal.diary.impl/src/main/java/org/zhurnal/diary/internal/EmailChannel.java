package org.zhurnal.diary.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.mail.Mail;
import org.zhurnal.core.api.mail.MailSender;
import org.zhurnal.diary.spi.Notification;
import org.zhurnal.diary.spi.NotificationChannel;
import org.zhurnal.roster.api.Contact;

/** The e-mail channel: through the platform's SMTP sender (etc/org.zhurnal.mail.cfg). */
@Component(service = NotificationChannel.class, property = NotificationChannel.CHANNEL + "=" + EmailChannel.ID)
public class EmailChannel implements NotificationChannel {
    public static final String ID = "email";

    private final MailSender mail;

    @Activate
    public EmailChannel(@Reference MailSender mail) {
        this.mail = mail;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String contactKind() {
        return Contact.EMAIL;
    }

    @Override
    public void deliver(Notification n) throws Exception {
        // The outbox id as Message-ID: a message sent again after a crash is the same message to mail programs.
        mail.send(new Mail(n.address(), n.subject(), n.text()), "diary." + n.id());
    }
}
