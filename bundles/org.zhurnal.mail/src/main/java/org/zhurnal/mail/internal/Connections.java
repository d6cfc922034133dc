package org.zhurnal.mail.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.mail.MessagingException;
import javax.mail.Transport;
import javax.mail.internet.MimeMessage;

/**
 * Open SMTP connections kept for reuse. A message goes out on the most recently used idle connection of the current
 * setup, or on a new one; afterwards the connection is kept (at most {@link #MAX_IDLE}) unless it has carried
 * {@link #MAX_USES} messages (some relays limit messages per connection). A sweep closes connections idle for
 * {@link #IDLE_MILLIS}, well before a server drops them (RFC 5321 lets it after 5 minutes). A reused connection that fails
 * (the server closed it meanwhile) is closed and the message sent once more on a new connection; the message keeps its
 * Message-ID, so in the rare case the server had taken it before the failure, mail programs see the same message twice.
 */
final class Connections {
    static final int MAX_IDLE = 4;
    static final int MAX_USES = 100;
    static final long IDLE_MILLIS = 30_000;

    private record Idle(SmtpMailSender.Setup setup, Transport transport, long since, int uses) {
    }

    private final Deque<Idle> idle = new ArrayDeque<>();
    private final AtomicLong opened = new AtomicLong();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "zhurnal-mail-connections");
        t.setDaemon(true);
        return t;
    });

    Connections() {
        sweeper.scheduleWithFixedDelay(() -> closeIdle(IDLE_MILLIS), IDLE_MILLIS / 3, IDLE_MILLIS / 3, TimeUnit.MILLISECONDS);
    }

    /** Sends a saved message ({@link MimeMessage#saveChanges()} done) to its recipients. */
    void send(SmtpMailSender.Setup setup, MimeMessage m) throws MessagingException {
        Idle reused = take(setup);
        if (reused != null) {
            try {
                reused.transport().sendMessage(m, m.getAllRecipients());
                giveBack(setup, reused.transport(), reused.uses() + 1);
                return;
            } catch (MessagingException | RuntimeException e) {
                close(reused.transport()); // most likely closed by the server meanwhile: once more on a new connection
            }
        }
        Transport fresh = setup.session().getTransport();
        fresh.connect();
        opened.incrementAndGet();
        try {
            fresh.sendMessage(m, m.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close(fresh);
            throw e;
        }
        giveBack(setup, fresh, 1);
    }

    /** @return how many connections were opened so far */
    long opened() {
        return opened.get();
    }

    private Idle take(SmtpMailSender.Setup setup) {
        List<Idle> stale = new ArrayList<>();
        Idle found = null;
        synchronized (idle) {
            while (found == null && !idle.isEmpty()) {
                Idle i = idle.pollFirst();
                if (i.setup() == setup) {
                    found = i;
                } else {
                    stale.add(i); // of a configuration replaced since
                }
            }
        }
        stale.forEach(i -> close(i.transport()));
        return found;
    }

    private void giveBack(SmtpMailSender.Setup setup, Transport t, int uses) {
        if (uses < MAX_USES) {
            synchronized (idle) {
                if (idle.size() < MAX_IDLE) {
                    idle.addFirst(new Idle(setup, t, System.currentTimeMillis(), uses));
                    return;
                }
            }
        }
        close(t);
    }

    /** Closes the connections idle for at least {@code millis} (0: all). */
    void closeIdle(long millis) {
        long before = System.currentTimeMillis() - millis;
        List<Idle> old = new ArrayList<>();
        synchronized (idle) {
            for (Iterator<Idle> it = idle.iterator(); it.hasNext();) {
                Idle i = it.next();
                if (millis == 0 || i.since() <= before) {
                    old.add(i);
                    it.remove();
                }
            }
        }
        old.forEach(i -> close(i.transport()));
    }

    void shutdown() {
        sweeper.shutdownNow();
        closeIdle(0);
    }

    private static void close(Transport t) {
        try {
            t.close();
        } catch (MessagingException | RuntimeException e) {
            // already closed by the server, or it did not answer QUIT: nothing to do
        }
    }
}
