package org.zhurnal.diary.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.diary.spi.Notification;
import org.zhurnal.diary.spi.NotificationChannel;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;

/**
 * Sends the outbox in the background: every few seconds the due messages are claimed in rounds and handed one by one to
 * their channel; a failure is retried with exponential backoff (initial delay doubling up to a maximum) until the
 * attempts run out, after which the message shows as failed in the delivery log (and can be retried from there).
 * Once a day at the digest time it also queues the daily digests, and on the weekly day the weekly ones.
 */
@Component(service = OutboxSender.class, immediate = true, configurationPid = OutboxSender.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = OutboxSender.Config.class)
public class OutboxSender {
    public static final String PID = "org.zhurnal.diary.notifications";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    @ObjectClassDefinition(name = "Zhurnal diary notifications", description = "Sending of the diary's outbox and digests")
    public @interface Config {
        @AttributeDefinition(description = "Seconds between looks at the outbox")
        int pollSeconds() default 5;

        @AttributeDefinition(description = "Delay before the first retry of a failed message, in seconds (doubles per attempt)")
        int retryInitialSeconds() default 30;

        @AttributeDefinition(description = "Longest delay between retries, in seconds")
        int retryMaxSeconds() default 3600;

        @AttributeDefinition(description = "Attempts before a message is given up as failed")
        int maxAttempts() default 48;

        @AttributeDefinition(description = "Local time (HH:mm, the deployment's zone) when daily and weekly digests are sent")
        String digestTime() default "19:00";

        @AttributeDefinition(description = "Weekday of the weekly summary")
        String weeklyDay() default "SATURDAY";
    }

    private final Outbox outbox;
    private final RosterQuery roster;
    private final ZhurnalClock clock;
    private final Channels channels;
    private volatile Config config;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean stopping;
    /** The last day the digests were queued (by mode), so the scheduler does it once a day. */
    private final Map<String, LocalDate> digested = new ConcurrentHashMap<>();

    @Activate
    public OutboxSender(@Reference Outbox outbox, @Reference RosterQuery roster, @Reference ZhurnalClock clock, @Reference Channels channels,
            Config config) {
        this.channels = channels;
        this.outbox = outbox;
        this.roster = roster;
        this.clock = clock;
        this.config = config;
        start();
    }

    /** A changed configuration restarts the rounds without deactivating the component. */
    @Modified
    void modified(Config changed) {
        this.config = changed;
        stop();
        start();
    }

    /**
     * Stops after the current message; never interrupts the sender thread — a thread interrupted inside embedded
     * Derby loses its connection («Connection closed by unknown interrupt»), which would poison the pool.
     */
    @Deactivate
    void stop() {
        ScheduledExecutorService s = scheduler;
        if (s != null) {
            stopping = true;
            s.shutdown();
            try {
                if (!s.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("The diary outbox round did not end within 30 s; it stops after its current message");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    private void start() {
        stopping = false;
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zhurnal-diary-outbox");
            t.setDaemon(true);
            return t;
        });
        int poll = Math.max(1, config.pollSeconds());
        scheduler.scheduleWithFixedDelay(this::tick, poll, poll, TimeUnit.SECONDS);
    }

    /** Messages a round takes. */
    static final int BATCH = 100;
    /** Rounds one tick runs at most before it lets the digests run again. */
    static final int MAX_ROUNDS = 100;
    private static final Duration STALE_CLAIM = Duration.ofMinutes(5);

    private void tick() {
        try {
            scheduledDigests();
            // A backlog (a morning of marks of many schools, an SMTP server that was down) is worked off in rounds
            // while they find a full batch, not one round per poll.
            for (int round = 0; round < MAX_ROUNDS && !stopping && sendRound().due() == BATCH; round++) {
                // next round
            }
        } catch (RuntimeException e) {
            LOG.warn("Diary outbox round failed; it is retried at the next round", e);
        }
    }

    /** Sends one round of what is due now. @return how many messages were sent */
    public int sendDue() {
        return sendRound().sent();
    }

    /** What a round found due and sent. */
    private record Round(int due, int sent) {
    }

    /**
     * Up to {@link #BATCH} due messages of the installed channels (a channel plug-in not installed keeps its messages
     * pending, and they do not hold up the others' messages), claimed together, sent one by one and recorded as sent
     * together.
     */
    private Round sendRound() {
        List<String> installed = channels.all().stream().map(NotificationChannel::id).toList();
        if (installed.isEmpty()) {
            return new Round(0, 0);
        }
        List<String> due = outbox.due(BATCH, STALE_CLAIM.toMillis(), installed);
        List<String> sent = new ArrayList<>();
        Map<String, List<String>> failures = new LinkedHashMap<>(); // by channel, logged once per round
        for (Outbox.Message m : outbox.claimAll(due, STALE_CLAIM.toMillis())) {
            NotificationChannel channel = channels.get(m.channel()).orElse(null);
            if (stopping || channel == null) {
                outbox.release(m.id()); // stopping, or the channel was uninstalled since: pending again, no attempt used
                continue;
            }
            try {
                channel.deliver(new Notification(m.id(), m.address(), m.recipientName(), m.subject(), m.body()));
                sent.add(m.id());
            } catch (Exception e) {
                int attempts = m.attempts() + 1;
                Instant retryAt = attempts >= config.maxAttempts() ? null : clock.now().plus(backoff(attempts));
                String error = DeliveryFailures.describe(e);
                outbox.failed(m.id(), error, retryAt);
                failures.computeIfAbsent(m.channel(), k -> new ArrayList<>()).add(m.id() + " (attempt " + attempts + "): " + error);
            }
        }
        outbox.sentAll(sent, clock.now().toEpochMilli());
        // One line per channel and round, not one per message: an SMTP server that is down fails the whole round.
        failures.forEach((channel, errors) -> LOG.info("{} diary message(s) via {} failed, retried later with backoff: {}{}", errors.size(),
                channel, errors.get(0), errors.size() > 1 ? " …" : ""));
        return new Round(due.size(), sent.size());
    }

    /** The delay after the given number of failed attempts: initial·2^(attempts−1), at most the maximum. */
    Duration backoff(int attempts) {
        long initial = Math.max(1, config.retryInitialSeconds());
        long max = Math.max(initial, config.retryMaxSeconds());
        long delay = initial << Math.min(20, Math.max(0, attempts - 1));
        return Duration.ofSeconds(Math.min(max, delay));
    }

    private void scheduledDigests() {
        ZonedDateTime now = clock.now().atZone(clock.zone());
        LocalTime at;
        try {
            at = LocalTime.parse(config.digestTime());
        } catch (RuntimeException e) {
            at = LocalTime.of(19, 0);
        }
        if (now.toLocalTime().isBefore(at)) {
            return;
        }
        LocalDate today = now.toLocalDate();
        if (!today.equals(digested.get(Preferences.DAILY))) {
            queueDigests(Preferences.DAILY, today);
            digested.put(Preferences.DAILY, today);
        }
        DayOfWeek weekly;
        try {
            weekly = DayOfWeek.valueOf(config.weeklyDay());
        } catch (RuntimeException e) {
            weekly = DayOfWeek.SATURDAY;
        }
        if (today.getDayOfWeek() == weekly && !today.equals(digested.get(Preferences.WEEKLY))) {
            queueDigests(Preferences.WEEKLY, today);
            digested.put(Preferences.WEEKLY, today);
        }
    }

    /**
     * Queues one digest per person, channel and student with every open line of the mode up to {@code day}. Idempotent: lines
     * go into exactly one digest, and a second run for the same day finds none.
     *
     * @return how many digests were queued
     */
    public int queueDigests(String mode, LocalDate day) {
        Map<String, List<Outbox.DigestItem>> byRecipient = new LinkedHashMap<>();
        for (Outbox.DigestItem item : outbox.openDigestItems(mode, day.toString())) {
            byRecipient.computeIfAbsent(item.recipientId() + "|" + item.channel() + "|" + item.studentId(), k -> new ArrayList<>()).add(item);
        }
        int queued = 0;
        for (List<Outbox.DigestItem> items : byRecipient.values()) {
            Outbox.DigestItem first = items.get(0);
            NotificationChannel channel = channels.get(first.channel()).orElse(null);
            Optional<Person> person = roster.person(first.recipientId());
            if (channel == null || person.isEmpty()) {
                continue;
            }
            Optional<String> address = Preferences.address(person.get(), channel.contactKind());
            if (address.isEmpty()) {
                continue;
            }
            Person p = person.get();
            String key = "digest|" + mode + "|" + p.id() + "|" + channel.id() + "|" + day + "|" + first.id();
            outbox.enqueueDigest(new Outbox.NewMessage(key, first.schoolId(), first.studentId(), p.id(), p.fullName(), channel.id(), address.get(),
                    mode, Texts.digestSubject(mode, day), Texts.digestBody(p.firstName() + (p.middleName() == null ? "" : " " + p.middleName()),
                            items.stream().map(Outbox.DigestItem::line).toList())),
                    items.stream().map(Outbox.DigestItem::id).toList());
            queued++;
        }
        return queued;
    }
}
