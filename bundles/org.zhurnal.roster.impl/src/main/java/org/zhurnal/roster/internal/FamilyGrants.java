package org.zhurnal.roster.internal;

import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.security.api.FamilyGrantCheck;

/**
 * The roster vouches for family grants given through the generic accounts API by the same rules as its issuing from
 * the class card: a student's own grant goes to the student, a parent's to a guardian on record of that student, and
 * either only with a personal-data consent on record today.
 */
@Component(service = FamilyGrantCheck.class)
public class FamilyGrants implements FamilyGrantCheck {
    private final JpaTemplate jpa;
    private final ZhurnalClock clock;

    @Activate
    public FamilyGrants(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa, @Reference ZhurnalClock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    @Override
    public Optional<Text> refusal(String personId, Grant grant) {
        String student = grant.scope().id();
        boolean parent = grant.role() == Role.PARENT;
        if (personId == null || personId.isBlank()) {
            return Optional.of(Text.of("A " + grant.role() + " grant needs the account's personId (the " + (parent ? "guardian" : "student")
                    + ")", parent ? "Для роли «родитель» укажите, для кого учётная запись: представителя ученика"
                            : "Для роли «ученик» укажите, для кого учётная запись: самого ученика"));
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            if (!parent && !personId.equals(student)) {
                return Optional.of(Text.of("A STUDENT grant is on the account's own person", "Роль «ученик» выдаётся только на самого ученика"));
            }
            if (parent && em.createQuery("select count(g) from GuardianshipEntity g where g.guardianId = :g and g.studentId = :s", Long.class)
                    .setParameter("g", personId).setParameter("s", student).getSingleResult() == 0) {
                return Optional.of(Text.of("Person " + personId + " is not a guardian of student " + student + " on record",
                        "Этот человек не записан представителем ученика; родителя сначала добавляют в карточку ученика"));
            }
            if (Consents.withConsent(em, List.of(personId), clock.today()).isEmpty()) {
                return Optional.of(Text.of("No personal-data consent of person " + personId + " is on record; no account is issued without one",
                        "Нет записанного согласия на обработку персональных данных: без него учётная запись не выдаётся"));
            }
            return Optional.<Text>empty();
        });
    }
}
