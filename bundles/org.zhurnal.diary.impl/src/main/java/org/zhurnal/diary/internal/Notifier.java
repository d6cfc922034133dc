package org.zhurnal.diary.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.event.DomainEvent;
import org.zhurnal.core.api.event.DomainEventListener;
import org.zhurnal.diary.spi.NotificationChannel;
import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.GradebookEvents;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.roster.api.Guardianship;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The diary's notifier: a listener of the gradebook's domain events (published in the same transaction as the
 * mark, absence or confirmed grade) that queues, in one transaction per batch of events, a message per guardian and student
 * who wants it instantly (a new mark, a visible mark corrected or withdrawn, an absence, a confirmed grade) and a digest line per one who wants a daily or weekly summary. Redelivery of an event
 * queues nothing twice (dedupe keys of event id, person and channel), so it takes its events in batches (one
 * transaction for many events: a lesson entry publishes a dozen), whose messages it queues together. Marks hidden
 * from the family are ignored.
 */
@Component(service = DomainEventListener.class, property = { DomainEventListener.LISTENER_ID + "=diary.notifier",
        DomainEventListener.BATCH + ":Boolean=true",
        DomainEventListener.EVENT_TYPES + "=" + GradebookEvents.MARK_RECORDED, DomainEventListener.EVENT_TYPES + "=" + GradebookEvents.MARK_CHANGED,
        DomainEventListener.EVENT_TYPES + "=" + GradebookEvents.ABSENCE_RECORDED,
        DomainEventListener.EVENT_TYPES + "=" + GradebookEvents.FINAL_CONFIRMED })
public class Notifier implements DomainEventListener {
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final JpaTemplate jpa;
    private final RosterQuery roster;
    private final Preferences preferences;
    private final Outbox outbox;
    private final ZhurnalClock clock;
    private final Channels channels;

    @Activate
    public Notifier(@Reference(target = "(osgi.unit.name=zhurnal-diary)") JpaTemplate jpa, @Reference RosterQuery roster,
            @Reference Preferences preferences, @Reference Outbox outbox, @Reference ZhurnalClock clock, @Reference Channels channels) {
        this.channels = channels;
        this.jpa = jpa;
        this.roster = roster;
        this.preferences = preferences;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What an event tells the family: about whom, a short subject and a line. */
    record News(String studentId, String what, String line) {
    }

    static Optional<News> news(DomainEvent event) throws Exception {
        switch (event.type()) {
            case GradebookEvents.MARK_RECORDED -> {
                Mark m = JSON.readValue(event.payload(), Mark.class);
                return m.visibleToFamily() ? Optional.of(new News(m.studentId(), "новая оценка " + m.value(), Texts.mark(m))) : Optional.empty();
            }
            case GradebookEvents.MARK_CHANGED -> {
                // A mark the family can see was corrected or withdrawn: they may have been told of it already. Changes
                // of a hidden mark, or a mark hidden now, are not theirs to hear about.
                Mark m = JSON.readValue(event.payload(), Mark.class);
                if (!m.visibleToFamily()) {
                    return Optional.empty();
                }
                return Optional.of(m.deleted() ? new News(m.studentId(), "оценка отменена", Texts.markWithdrawn(m))
                        : new News(m.studentId(), "оценка исправлена на " + m.value(), Texts.markCorrected(m)));
            }
            case GradebookEvents.ABSENCE_RECORDED -> {
                Attendance a = JSON.readValue(event.payload(), Attendance.class);
                return Optional.of(new News(a.studentId(), org.zhurnal.gradebook.api.AbsenceCode.LATE.equals(a.category()) ? "опоздание" : "пропуск урока",
                        Texts.attendance(a)));
            }
            case GradebookEvents.FINAL_CONFIRMED -> {
                FinalGrade g = JSON.readValue(event.payload(), FinalGrade.class);
                return Optional.of(new News(g.studentId(), "итоговая оценка", Texts.fin(g)));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    @Override
    public void onEvent(DomainEvent event) throws Exception {
        onEvents(List.of(event));
    }

    /**
     * Queues what a batch of events tells the families, in one transaction: one read of the students' stored
     * preferences and one {@link Outbox#enqueueAll} for all of the instant messages (a lesson entry's dozen events).
     */
    @Override
    public void onEvents(List<DomainEvent> events) throws Exception {
        Map<DomainEvent, News> found = new LinkedHashMap<>();
        for (DomainEvent e : events) {
            news(e).ifPresent(n -> found.put(e, n));
        }
        Map<String, Person> students = new HashMap<>();
        for (News n : found.values()) {
            if (!students.containsKey(n.studentId())) {
                students.put(n.studentId(), roster.person(n.studentId()).orElse(null));
            }
        }
        students.values().removeIf(java.util.Objects::isNull);
        if (students.isEmpty()) {
            return;
        }
        jpa.tx(TransactionType.Required, em -> {
            Map<String, Map<String, Map<String, String>>> stored = preferences.stored(students.keySet());
            List<Outbox.NewMessage> instant = new ArrayList<>();
            found.forEach((event, news) -> {
                Person s = students.get(news.studentId());
                if (s != null) {
                    queue(event, news, s, stored.getOrDefault(s.id(), Map.of()), instant);
                }
            });
            outbox.enqueueAll(instant);
        });
    }

    /** Adds an event's instant messages to {@code instant} and queues its digest lines. */
    private void queue(DomainEvent event, News news, Person s, Map<String, Map<String, String>> stored, List<Outbox.NewMessage> instant) {
        String studentName = s.lastName() + " " + s.firstName();
        List<Person> recipients = new ArrayList<>();
        roster.guardiansOf(s.id()).stream().map(Guardianship::guardian).forEach(recipients::add);
        recipients.add(s);
        String day = LocalDate.ofInstant(event.occurredAt(), clock.zone()).toString();
        for (NotificationChannel channel : channels.all()) {
            for (Person p : recipients) {
                Preferences.Preference pref = preferences.of(p, s.id(), channel.id(), channel.contactKind(), stored);
                if (pref.address() == null || Preferences.NONE.equals(pref.mode())) {
                    continue;
                }
                String key = event.id() + "|" + p.id() + "|" + channel.id();
                if (Preferences.INSTANT.equals(pref.mode())) {
                    instant.add(new Outbox.NewMessage(key, s.schoolId(), s.id(), p.id(), p.fullName(), channel.id(), pref.address(),
                            Preferences.INSTANT, Texts.instantSubject(studentName, news.what()),
                            Texts.instantBody(p.firstName() + (p.middleName() == null ? "" : " " + p.middleName()), studentName, news.line())));
                } else {
                    outbox.addDigestItem(key, s.schoolId(), p.id(), s.id(), channel.id(), pref.mode(), studentName + ": " + news.line(), day);
                }
            }
        }
    }
}
