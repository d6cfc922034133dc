package org.zhurnal.gradebook.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.Text;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.spi.MarkUse;
import org.zhurnal.gradebook.spi.MarkValue;
import org.zhurnal.roster.api.PromotionConcerns;

/**
 * Tells the roster's promotion preview which students end the year with an academic debt: a year grade or a transition
 * exam (EXAM) that is not a pass in its scheme («2», «1», «н/а», «незачёт»). A grade in a scheme whose plug-in is not
 * installed is named as not judged, not passed over in silence.
 */
@Component(service = PromotionConcerns.class)
public class YearResultConcerns implements PromotionConcerns {
    private final JpaTemplate jpa;
    private final GradingSchemes schemes;

    @Activate
    public YearResultConcerns(@Reference(target = "(osgi.unit.name=zhurnal-gradebook)") JpaTemplate jpa, @Reference GradingSchemes schemes,
            @Reference GradebookSchema schema) {
        this.jpa = jpa;
        this.schemes = schemes;
    }

    @Override
    public Map<String, List<Text>> concerns(String schoolId, int academicYear, Collection<String> studentIds) {
        Map<String, List<Text>> found = new TreeMap<>();
        if (schoolId == null || studentIds == null || studentIds.isEmpty()) {
            return found;
        }
        Set<String> wanted = new HashSet<>(studentIds);
        List<Object[]> rows = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select f.studentId, f.subject, f.kind, f.schemeId, "
                + "f.value from FinalEntity f where f.schoolId = :s and f.academicYear = :y and f.kind in :k order by f.subject",
                Object[].class).setParameter("s", schoolId).setParameter("y", academicYear)
                .setParameter("k", List.of(FinalGrade.YEAR, FinalGrade.EXAM)).getResultList());
        for (Object[] r : rows) {
            String student = (String) r[0];
            if (!wanted.contains(student)) {
                continue;
            }
            String subject = (String) r[1];
            boolean exam = FinalGrade.EXAM.equals(r[2]);
            String raw = (String) r[4];
            Optional<MarkValue> value = schemes.get((String) r[3]).flatMap(s -> s.parse(raw, MarkUse.FINAL));
            Text concern;
            if (value.isEmpty()) {
                concern = Text.of(subject + ": " + (exam ? "exam" : "year grade") + " «" + raw + "» in the scheme «" + r[3]
                        + "», which is not installed: not judged", subject + ": " + (exam ? "экзамен" : "годовая") + " «" + raw
                        + "» по системе оценивания «" + r[3] + "», которая не установлена, — не проверена");
            } else if (!value.get().passing()) {
                concern = Text.of(subject + ": " + (exam ? "exam" : "year grade") + " «" + value.get().value() + "»",
                        subject + ": " + (exam ? "экзамен" : "годовая") + " «" + value.get().value() + "»");
            } else {
                continue;
            }
            found.computeIfAbsent(student, k -> new ArrayList<>()).add(concern);
        }
        return found;
    }
}
