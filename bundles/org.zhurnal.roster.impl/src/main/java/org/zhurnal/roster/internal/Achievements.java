package org.zhurnal.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.roster.internal.entity.AchievementEntity;
import org.zhurnal.roster.internal.entity.PersonEntity;

/**
 * A student's achievements (portfolio): olympiads, competitions, conferences, with level, date and result.
 * Read by whoever may read the student (the family included); recorded and removed by those who may write
 * for the student (class teacher, the student's group teachers, the school's coordinators). Audited.
 */
@Component(service = Achievements.class)
public class Achievements {

    /** An achievement. */
    public record Achievement(String id, String studentId, String kind, String title, String subject, String level,
            LocalDate date, String result, String note, String recordedBy) {}

    /** A new achievement. */
    public record NewAchievement(String kind, String title, String subject, String level, LocalDate date, String result,
            String note) {}

    static final Set<String> KINDS = Set.of("OLYMPIAD", "COMPETITION", "CONFERENCE", "SPORTS", "OTHER");
    static final Set<String> LEVELS = Set.of("SCHOOL", "MUNICIPAL", "REGIONAL", "FEDERAL", "INTERNATIONAL");
    static final Set<String> RESULTS = Set.of("WINNER", "PRIZE", "PARTICIPANT");

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final Authorization authorization;

    @Activate
    public Achievements(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference Authorization authorization, @Reference RosterSchema schema) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.authorization = authorization;
    }

    public List<Achievement> of(String studentId) {
        var caller = CallContext.requirePrincipal();
        if (studentId == null || !authorization.permits(caller, Action.READ, ScopeRef.student(studentId))) {
            throw ProblemException.notFound("Student", studentId);
        }
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select a from AchievementEntity a where a.studentId = :s order by a.eventDate desc", AchievementEntity.class)
                .setParameter("s", studentId).getResultList().stream().map(Achievements::toDTO).toList());
    }

    public Achievement add(String studentId, NewAchievement n) {
        var caller = CallContext.requirePrincipal();
        if (studentId == null || !authorization.permits(caller, Action.READ, ScopeRef.student(studentId))) {
            throw ProblemException.notFound("Student", studentId);
        }
        authorization.check(caller, Action.WRITE, ScopeRef.student(studentId));
        List<Violation> errors = new ArrayList<>();
        if (n == null) {
            throw ProblemException.invalid("body", Text.of("A JSON body is required", "Не переданы данные запроса"));
        }
        if (n.kind() == null || !KINDS.contains(n.kind())) {
            errors.add(new Violation("kind", Text.of("kind is one of " + KINDS, "Выберите вид: олимпиада, конкурс, конференция, спортивное соревнование или другое")));
        }
        if (n.title() == null || n.title().isBlank() || n.title().length() > 300) {
            errors.add(new Violation("title", Text.of("title is required (at most 300 characters)",
                    "Укажите название (не длиннее 300 символов)")));
        }
        if (n.subject() != null && n.subject().length() > 100) {
            errors.add(new Violation("subject", Text.of("subject has at most 100 characters", "Предмет — не длиннее 100 символов")));
        }
        if (n.level() == null || !LEVELS.contains(n.level())) {
            errors.add(new Violation("level", Text.of("level is one of " + LEVELS, "Выберите уровень: школьный, муниципальный, региональный, всероссийский или международный")));
        }
        if (n.date() == null || n.date().isAfter(clock.today()) || n.date().getYear() < 2000) {
            errors.add(new Violation("date", Text.of("date is required and not in the future",
                    "Укажите дату — не позже сегодняшнего дня")));
        }
        if (n.result() == null || !RESULTS.contains(n.result())) {
            errors.add(new Violation("result", Text.of("result is one of " + RESULTS, "Выберите результат: победитель, призёр или участник")));
        }
        if (n.note() != null && n.note().length() > 500) {
            errors.add(new Violation("note", Text.of("note has at most 500 characters", "Примечание — не длиннее 500 символов")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(Messages.summary(errors.size() + " invalid fields; nothing was recorded",
                    "Ошибок: " + errors.size() + "; ничего не записано", errors), errors);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity s = em.find(PersonEntity.class, studentId);
            if (s == null || !"STUDENT".equals(s.getKind())) {
                throw ProblemException.notFound("Student", studentId);
            }
            AchievementEntity a = new AchievementEntity();
            a.setId(UUID.randomUUID().toString());
            a.setSchoolId(s.getSchoolId());
            a.setStudentId(studentId);
            a.setKind(n.kind());
            a.setTitle(n.title().strip());
            a.setSubject(n.subject());
            a.setLevel(n.level());
            a.setEventDate(n.date().toString());
            a.setResult(n.result());
            a.setNote(n.note());
            a.setRecordedBy(caller.login());
            a.setRecordedAt(clock.now().toEpochMilli());
            em.persist(a);
            Achievement dto = toDTO(a);
            audit.record(s.getSchoolId(), "achievement", a.getId(), "create", null, dto);
            return dto;
        });
    }

    public void remove(String achievementId) {
        var caller = CallContext.requirePrincipal();
        jpa.tx(TransactionType.Required, em -> {
            AchievementEntity a = achievementId == null ? null : em.find(AchievementEntity.class, achievementId);
            if (a == null || !authorization.permits(caller, Action.READ, ScopeRef.student(a.getStudentId()))) {
                throw ProblemException.notFound("Achievement", achievementId);
            }
            authorization.check(caller, Action.WRITE, ScopeRef.student(a.getStudentId()));
            audit.record(a.getSchoolId(), "achievement", a.getId(), "delete", toDTO(a), null);
            em.remove(a);
        });
    }

    static Achievement toDTO(AchievementEntity a) {
        return new Achievement(a.getId(), a.getStudentId(), a.getKind(), a.getTitle(), a.getSubject(), a.getLevel(),
                LocalDate.parse(a.getEventDate()), a.getResult(), a.getNote(), a.getRecordedBy());
    }
}
