package org.zhurnal.diary.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.roster.api.Contact;
import org.zhurnal.roster.api.Person;

/**
 * How each person (a guardian or the student) wants to hear about one student, per channel. Without a stored
 * choice: instant for a person with a contact of the channel's kind who has electronic access, none otherwise
 * (families flagged «no electronic access» get weekly printouts instead).
 */
@Component(service = Preferences.class)
public class Preferences {
    public static final String INSTANT = "INSTANT";
    public static final String DAILY = "DAILY";
    public static final String WEEKLY = "WEEKLY";
    public static final String NONE = "NONE";
    static final List<String> MODES = List.of(INSTANT, DAILY, WEEKLY, NONE);

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final ZhurnalClock clock;

    /** One person's choice for one student and channel, with whether it is the default. */
    public record Preference(String personId, String studentId, String channel, String mode, boolean isDefault, String address) {
    }

    @Activate
    public Preferences(@Reference(target = "(osgi.unit.name=zhurnal-diary)") JpaTemplate jpa, @Reference AuditLog audit,
            @Reference ZhurnalClock clock, @Reference DiarySchema schema) {
        this.jpa = jpa;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the person's contact of the kind, preferring the first recorded, or empty */
    static Optional<String> address(Person p, String contactKind) {
        return p.contacts().stream().filter(c -> contactKind.equals(c.kind()) && c.value() != null && !c.value().isBlank())
                .map(Contact::value).findFirst();
    }

    /** @return the stored choices of these people about the student, by person id then channel */
    public Map<String, Map<String, String>> stored(String studentId) {
        return stored(List.of(studentId)).getOrDefault(studentId, Map.of());
    }

    /** @return the stored choices about each of the students, by student id, person id, then channel (one read per 500) */
    public Map<String, Map<String, Map<String, String>>> stored(java.util.Collection<String> studentIds) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(studentIds));
        Map<String, Map<String, Map<String, String>>> m = new HashMap<>();
        jpa.tx(TransactionType.Supports, em -> {
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
                javax.persistence.Query q = em.createNativeQuery("SELECT student_id, person_id, channel, mode FROM zh_d_preference "
                        + "WHERE student_id IN (" + InLists.placeholders(part.size(), 1) + ")");
                Outbox.bind(q, 1, part);
                @SuppressWarnings("unchecked")
                List<Object[]> rows = q.getResultList();
                rows.forEach(r -> m.computeIfAbsent((String) r[0], k -> new HashMap<>()).computeIfAbsent((String) r[1], k -> new HashMap<>())
                        .put((String) r[2], (String) r[3]));
            }
        });
        return m;
    }

    /** The effective preference of one person about one student on one channel. */
    public Preference of(Person person, String studentId, String channel, String contactKind, Map<String, Map<String, String>> stored) {
        Optional<String> address = address(person, contactKind);
        String mode = stored.getOrDefault(person.id(), Map.of()).get(channel);
        if (mode != null) {
            return new Preference(person.id(), studentId, channel, mode, false, address.orElse(null));
        }
        boolean reachable = address.isPresent() && !person.noElectronicAccess();
        return new Preference(person.id(), studentId, channel, reachable ? INSTANT : NONE, true, address.orElse(null));
    }

    /**
     * @return the mode as stored ({@code " weekly "} is {@link #WEEKLY}); 400 naming {@code mode} when it is missing or unknown
     *         (never a {@link NullPointerException}: {@code List.of(…).contains(null)} throws one)
     */
    public static String mode(String mode) {
        if (mode == null || mode.isBlank()) {
            throw ProblemException.invalid("mode", Text.of("mode is required: INSTANT, DAILY, WEEKLY or NONE",
                    "Не выбрано, как часто сообщать: сразу, раз в день, раз в неделю или не сообщать"));
        }
        String m = mode.trim().toUpperCase(Locale.ROOT);
        if (!MODES.contains(m)) {
            throw ProblemException.invalid("mode", Text.of("mode is one of INSTANT, DAILY, WEEKLY, NONE",
                    "Выберите, как часто сообщать: сразу, раз в день, раз в неделю или не сообщать"));
        }
        return m;
    }

    /** Stores a person's choice (the caller has checked that the person may choose for this student). */
    public Preference set(String schoolId, Person person, String studentId, String channel, String contactKind, String mode) {
        String m = mode(mode);
        return jpa.txExpr(TransactionType.Required, em -> {
            Preference before = of(person, studentId, channel, contactKind, stored(studentId));
            // The stored row is updated in place, never deleted and inserted again: the notifier reading the student's
            // choices meanwhile finds the old choice or the new one (deleted and inserted, it could find neither and
            // fall back to the default, an instant message).
            long now = clock.now().toEpochMilli();
            int updated = em.createNativeQuery("UPDATE zh_d_preference SET mode = ?4, school_id = ?5, updated_at = ?6 "
                    + "WHERE person_id = ?1 AND student_id = ?2 AND channel = ?3").setParameter(1, person.id()).setParameter(2, studentId)
                    .setParameter(3, channel).setParameter(4, m).setParameter(5, schoolId).setParameter(6, now).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO zh_d_preference (person_id, student_id, channel, school_id, mode, updated_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, person.id()).setParameter(2, studentId).setParameter(3, channel)
                        .setParameter(4, schoolId).setParameter(5, m).setParameter(6, now).executeUpdate();
            }
            Preference after = new Preference(person.id(), studentId, channel, m, false, before.address());
            audit.record(schoolId, "diary-preference", person.id() + "/" + studentId + "/" + channel, "update", before, after);
            return after;
        });
    }
}
