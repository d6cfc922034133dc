package org.zhurnal.gradebook.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.PeriodRecordsCheck;
import org.zhurnal.core.api.Text;
import org.zhurnal.gradebook.api.FinalGrade;

/** Tells the calendar how many period grades were given for a reporting period it is about to delete. */
@Component(service = PeriodRecordsCheck.class)
public class PeriodGradesCheck implements PeriodRecordsCheck {
    private final JpaTemplate jpa;

    @Activate
    public PeriodGradesCheck(@Reference(target = "(osgi.unit.name=zhurnal-gradebook)") JpaTemplate jpa, @Reference GradebookSchema schema) {
        this.jpa = jpa;
    }

    @Override
    public List<Text> recordedFor(String periodId) {
        if (periodId == null) {
            return List.of();
        }
        long n = jpa.txExpr(TransactionType.Supports, em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM zh_g_final WHERE grade_kind = ?1 "
                + "AND period_key = ?2").setParameter(1, FinalGrade.PERIOD).setParameter(2, periodId).getSingleResult()).longValue());
        return n == 0 ? List.of() : List.of(Text.of("period grades: " + n, "оценки за период: " + n));
    }
}
