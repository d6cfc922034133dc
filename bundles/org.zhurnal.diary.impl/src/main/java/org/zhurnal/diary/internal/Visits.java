package org.zhurnal.diary.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.diary.api.FamilyReach;

/**
 * Records the first time each day an account of the family (a parent or the student) opens a student's diary, and
 * answers whether families were reached — diary opened, notification delivered, printout handed over — for the
 * reports on informing parents. Only the first view of a day writes (remembered in memory for the day).
 */
@Component(service = Visits.class)
public class Visits {
    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final Set<String> seenToday = ConcurrentHashMap.newKeySet();
    private volatile LocalDate today = LocalDate.MIN;

    @Activate
    public Visits(@Reference(target = "(osgi.unit.name=zhurnal-diary)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference DiarySchema schema) {
        this.jpa = jpa;
        this.clock = clock;
    }

    /** Notes a family member's view of the student's diary. */
    public void record(String accountId, String studentId, java.util.function.Supplier<String> schoolOf, String role) {
        LocalDate day = clock.today();
        if (!day.equals(today)) {
            seenToday.clear();
            today = day;
        }
        if (!seenToday.add(accountId + "|" + studentId)) {
            return;
        }
        String schoolId = schoolOf.get();
        if (schoolId == null) {
            return;
        }
        jpa.tx(TransactionType.Required, em -> {
            boolean exists = !em.createNativeQuery("SELECT 1 FROM zh_d_visit WHERE account_id = ?1 AND student_id = ?2 AND visit_day = ?3")
                    .setParameter(1, accountId).setParameter(2, studentId).setParameter(3, day.toString()).getResultList().isEmpty();
            if (!exists) {
                em.createNativeQuery("INSERT INTO zh_d_visit (account_id, student_id, visit_day, school_id, role) VALUES (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, accountId).setParameter(2, studentId).setParameter(3, day.toString()).setParameter(4, schoolId)
                        .setParameter(5, role).executeUpdate();
            }
        });
    }

    public List<FamilyReach> reach(Collection<String> studentIds, LocalDate from, LocalDate to) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(studentIds));
        if (ids.isEmpty()) {
            return List.of();
        }
        ZoneId zone = clock.zone();
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        Set<String> opened = new HashSet<>();
        Set<String> notified = new HashSet<>();
        Set<String> handed = new HashSet<>();
        jpa.tx(TransactionType.Supports, em -> {
            for (int i = 0; i < ids.size(); i += 200) {
                List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 200));
                String in = InLists.placeholders(chunk.size(), 3);
                collect(em, "SELECT DISTINCT student_id FROM zh_d_visit WHERE visit_day >= ?1 AND visit_day <= ?2 AND student_id IN (" + in + ")",
                        from.toString(), to.toString(), chunk, opened);
                collect(em, "SELECT DISTINCT student_id FROM zh_d_outbox WHERE status = 'SENT' AND sent_at >= ?1 AND sent_at < ?2 "
                        + "AND student_id IN (" + in + ")", start, end, chunk, notified);
                collect(em, "SELECT DISTINCT student_id FROM zh_d_printout WHERE handed_at >= ?1 AND handed_at < ?2 AND student_id IN ("
                        + in + ")", start, end, chunk, handed);
            }
        });
        List<FamilyReach> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(new FamilyReach(id, opened.contains(id), notified.contains(id), handed.contains(id)));
        }
        return out;
    }

    private static void collect(javax.persistence.EntityManager em, String sql, Object a, Object b, List<String> ids, Set<String> into) {
        javax.persistence.Query q = em.createNativeQuery(sql).setParameter(1, a).setParameter(2, b);
        Outbox.bind(q, 3, ids);
        for (Object r : q.getResultList()) {
            into.add(r instanceof Object[] row ? (String) row[0] : (String) r);
        }
    }
}
