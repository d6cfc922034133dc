package org.zhurnal.gradebook.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.timetable.spi.LessonRecords;

/**
 * The journal's records on lesson occurrences, for the timetable: a lesson given with its topic, or one with marks or
 * absences, is not cancelled or removed from under them. A lesson recorded as not held, or one with only its homework
 * posted in advance, may be.
 */
@Component(service = LessonRecords.class)
public class JournalRecords implements LessonRecords {
    private final JpaTemplate jpa;

    @Activate
    public JournalRecords(@Reference(target = "(osgi.unit.name=zhurnal-gradebook)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public List<LocalDate> recordedDates(String entryId, LocalDate from, LocalDate to) {
        if (entryId == null || from == null || to == null || to.isBefore(from)) {
            return List.of();
        }
        // Occurrence ids are "<entry id>:<date>": a prefix of the primary key or of the occurrence index. Entry ids are the
        // timetable's UUIDs, without LIKE's wildcards.
        String prefix = entryId + ":%";
        return jpa.txExpr(TransactionType.Supports, em -> {
            TreeSet<String> dates = new TreeSet<>();
            for (String jpql : List.of(
                    "select l.lessonDate from LessonEntity l where l.occurrenceId like :p and l.held = true and l.topic is not null "
                            + "and l.lessonDate >= :f and l.lessonDate <= :t",
                    "select distinct m.lessonDate from MarkEntity m where m.occurrenceId like :p "
                            + "and m.lessonDate >= :f and m.lessonDate <= :t",
                    "select distinct a.lessonDate from AttendanceEntity a where a.occurrenceId like :p "
                            + "and a.lessonDate >= :f and a.lessonDate <= :t")) {
                dates.addAll(em.createQuery(jpql, String.class).setParameter("p", prefix).setParameter("f", from.toString())
                        .setParameter("t", to.toString()).getResultList());
            }
            return dates.stream().map(LocalDate::parse).toList();
        });
    }

    @Override
    public String what() {
        return "journal entries (a topic, attendance or marks)";
    }
}
