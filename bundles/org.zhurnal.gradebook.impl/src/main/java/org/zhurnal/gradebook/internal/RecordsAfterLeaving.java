package org.zhurnal.gradebook.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.Text;
import org.zhurnal.roster.api.StudentRecordsCheck;

/**
 * Tells the roster which of a student's marks and absences lie after a leaving date it is about to record (both read
 * through the index on student and lesson date).
 */
@Component(service = StudentRecordsCheck.class)
public class RecordsAfterLeaving implements StudentRecordsCheck {
    private final JpaTemplate jpa;

    @Activate
    public RecordsAfterLeaving(@Reference(target = "(osgi.unit.name=zhurnal-gradebook)") JpaTemplate jpa, @Reference GradebookSchema schema) {
        this.jpa = jpa;
    }

    @Override
    public List<Recorded> recordedAfter(String studentId, LocalDate date) {
        if (studentId == null || date == null) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<Recorded> found = new ArrayList<>();
            count(em, "zh_g_mark", studentId, date, Text.of("marks", "оценки"), found);
            count(em, "zh_g_attendance", studentId, date, Text.of("absences and lateness", "пропуски и опоздания"), found);
            return found;
        });
    }

    private static void count(javax.persistence.EntityManager em, String table, String studentId, LocalDate date, Text kind, List<Recorded> found) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), MAX(lesson_date) FROM " + table
                + " WHERE student_id = ?1 AND lesson_date > ?2").setParameter(1, studentId).setParameter(2, date.toString()).getSingleResult();
        int n = ((Number) row[0]).intValue();
        if (n > 0) {
            found.add(new Recorded(kind, n, LocalDate.parse((String) row[1])));
        }
    }
}
