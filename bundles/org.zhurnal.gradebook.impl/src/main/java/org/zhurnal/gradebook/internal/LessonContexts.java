package org.zhurnal.gradebook.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.TimetableQuery;

/**
 * Everything the gradebook needs to know around a lesson occurrence — its school, grade, students and
 * reporting period — and who may read or write it:
 * <ul>
 * <li>write: only the teacher who gives the lesson that day (the substitute for a substituted lesson);</li>
 * <li>read a class's or group's journal: whoever may READ the class or group (class teacher, deputy director,
 * coordinator, administrators) and the teachers whose timetable gives that class or group lessons in the subject (a
 * substitute reads only the lessons they substitute, through the lesson view);</li>
 * <li>outside the school the lesson does not exist (404); inside it, a refused caller gets 403.</li>
 * </ul>
 */
@Component(service = LessonContexts.class)
public class LessonContexts {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LessonContexts.class);
    /**
     * A lesson with its surroundings. {@code period} may be absent when the calendar has none for the date; its state is
     * read for each context, so a context decides whether the period is closed.
     */
    public record Context(Lesson lesson, String schoolId, ZoneId zone, int grade, int academicYear, Optional<ReportingPeriod> period) {
        public String classOrGroup() {
            return lesson.classId() != null ? lesson.classId() : lesson.groupId();
        }
    }

    private final TimetableQuery timetable;
    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final TenantService tenants;
    private final Authorization authorization;
    private final AccountService accounts;
    private final ReferenceCache cache;

    @Activate
    public LessonContexts(@Reference TimetableQuery timetable, @Reference RosterQuery roster, @Reference CalendarQuery calendar,
            @Reference TenantService tenants, @Reference Authorization authorization, @Reference AccountService accounts,
            @Reference ReferenceCache cache) {
        this.cache = cache;
        this.timetable = timetable;
        this.roster = roster;
        this.calendar = calendar;
        this.tenants = tenants;
        this.authorization = authorization;
        this.accounts = accounts;
    }

    /** @return the lesson's context; 404 when the lesson does not exist or the caller has no relation to its school */
    public Context require(ZhurnalPrincipal p, String occurrenceId) {
        Lesson l = occurrenceId == null ? null : timetable.lesson(occurrenceId).orElse(null);
        if (l == null) {
            LOG.debug("Lesson {} not found: the timetable has no such occurrence", occurrenceId);
            throw ProblemException.notFound("Lesson", occurrenceId);
        }
        // One roster read for the class (school and grade); a group lesson reads the group, then its class.
        SchoolClass cls = l.classId() != null ? roster.schoolClass(l.classId()).orElse(null) : null;
        String schoolId = cls != null ? cls.schoolId() : l.groupId() != null ? roster.group(l.groupId()).map(Group::schoolId).orElse(null) : null;
        if (schoolId == null || !authorization.relatedTo(p, ScopeRef.school(schoolId))) {
            // Which of the two, for a false «not found» (docs/benchmarks.md, Gradebook stops 25–26): enable with
            // log:set DEBUG org.zhurnal.gradebook.internal.LessonContexts
            LOG.debug("Lesson {} not found for {}: school {} (class {}, group {}), caller's grants {}", occurrenceId, p.login(), schoolId,
                    l.classId(), l.groupId(), p.grants());
            throw ProblemException.notFound("Lesson", occurrenceId);
        }
        return context(l, schoolId, cls != null ? cls.grade() : gradeOf(null, l.groupId(), schoolId, l.date()));
    }

    Context context(Lesson l, String schoolId, int grade) {
        Optional<ReportingPeriod> period = grade > 0 ? calendar.periodOf(schoolId, grade, l.date()) : Optional.empty();
        return new Context(l, schoolId, zone(schoolId), grade, RosterQuery.academicYearOf(l.date()), period);
    }

    public ZoneId zone(String schoolId) {
        return tenants.school(schoolId).map(School::timeZone).map(z -> {
            try {
                return ZoneId.of(z);
            } catch (RuntimeException e) {
                return null;
            }
        }).orElse(ZoneId.of("Europe/Moscow"));
    }

    /** The grade whose calendar applies: the class's, a subgroup's class's, else the first member's class's; 0 when unknown. */
    public int gradeOf(String classId, String groupId, String schoolId, LocalDate date) {
        if (classId != null) {
            return roster.schoolClass(classId).map(SchoolClass::grade).orElse(0);
        }
        Optional<Group> g = roster.group(groupId);
        if (g.isPresent() && g.get().classId() != null) {
            return roster.schoolClass(g.get().classId()).map(SchoolClass::grade).orElse(0);
        }
        return students(null, groupId, date).stream().flatMap(s -> roster.classesOfStudent(s.id(), date).stream()).map(SchoolClass::grade)
                .findFirst().orElse(0);
    }

    /** @return the students of the lesson's class or group on its date */
    public List<Person> students(String classId, String groupId, LocalDate date) {
        return classId != null ? roster.studentsOfClass(classId, date) : roster.studentsOfGroup(groupId, date);
    }

    /** 404 for a school that does not exist or that the caller has no relation to; 403 without {@code action} on it. */
    public void requireSchool(ZhurnalPrincipal p, String schoolId, Action action) {
        if (schoolId == null || tenants.school(schoolId).isEmpty() || !relatedToSchool(p, schoolId)) {
            throw ProblemException.notFound("School", schoolId);
        }
        if (action != Action.READ) {
            authorization.check(p, action, ScopeRef.school(schoolId));
        }
    }

    /** @return whether the caller administers the school (its coordinator, deputy director, an administrator above it) */
    public boolean administers(ZhurnalPrincipal p, String schoolId) {
        return schoolId != null && authorization.permits(p, Action.ADMINISTER, ScopeRef.school(schoolId));
    }

    /** @return whether the caller has any relation to the school */
    public boolean relatedToSchool(ZhurnalPrincipal p, String schoolId) {
        return schoolId != null && authorization.relatedTo(p, ScopeRef.school(schoolId));
    }

    /** @return the roster person of the caller's account, if any */
    public Optional<String> personOf(ZhurnalPrincipal p) {
        // An account's person is set when the account is issued; a relink shows here within the reference time.
        return cache.read("person-of-account", p.accountId(), () -> accounts.byId(p.accountId()).map(AccountInfo::personId));
    }

    /** @return the display name of an account (a login's owner as people know them), if the account exists */
    public Optional<String> displayNameOf(String accountId) {
        return cache.read("account-name", accountId, () -> accounts.byId(accountId).map(AccountInfo::displayName));
    }

    /**
     * A student named in an error: the full name when the student is of the school (a teacher makes the request), the id
     * otherwise — an id from elsewhere is not turned into a name.
     */
    public String studentName(String schoolId, String studentId) {
        return studentId == null ? "—" : roster.person(studentId).filter(s -> schoolId != null && schoolId.equals(s.schoolId()))
                .map(Person::fullName).orElse(studentId);
    }

    /**
     * @return the caller's person id; 403 unless the caller gives the lesson that day
     */
    public String requireWriter(ZhurnalPrincipal p, Context c) {
        String me = personOf(p).orElse(null);
        if (me == null || !me.equals(c.lesson().teacherId())) {
            throw ProblemException.forbidden(Text.of("Only the teacher who gives this lesson on " + c.lesson().date() + " records it",
                    "Урок " + Text.date(c.lesson().date()) + " записывает только учитель, который его ведёт"));
        }
        return me;
    }

    /** @return whether the caller may read the journal of the class or group in the subject over the range */
    public boolean mayRead(ZhurnalPrincipal p, String classId, String groupId, String subject, LocalDate from, LocalDate to) {
        return mayRead(p, classId, groupId, subject,
                () -> classId != null ? timetable.forClass(classId, from, to) : timetable.forGroup(groupId, from, to));
    }

    /** As above, with the class's or group's lessons of the range when the caller has them already. */
    boolean mayRead(ZhurnalPrincipal p, String classId, String groupId, String subject, java.util.function.Supplier<List<Lesson>> lessons) {
        ScopeRef scope = classId != null ? ScopeRef.schoolClass(classId) : ScopeRef.group(groupId);
        if (authorization.permits(p, Action.READ, scope)) {
            return true;
        }
        Optional<String> me = personOf(p);
        if (me.isEmpty()) {
            return false;
        }
        return lessons.get().stream().anyMatch(l -> (subject == null || subject.equals(l.subject()))
                && (classId == null || classId.equals(l.classId())) && me.get().equals(l.regularTeacherId()));
    }

    /** 404 when the caller has no relation to the school, 403 when they have one but may not read this journal. */
    public void requireReader(ZhurnalPrincipal p, String schoolId, String classId, String groupId, String subject, LocalDate from,
            LocalDate to) {
        requireReader(p, schoolId, classId, groupId, subject,
                () -> classId != null ? timetable.forClass(classId, from, to) : timetable.forGroup(groupId, from, to));
    }

    /** As above, with the class's or group's lessons of the range when the caller has them already. */
    void requireReader(ZhurnalPrincipal p, String schoolId, String classId, String groupId, String subject,
            java.util.function.Supplier<List<Lesson>> lessons) {
        if (schoolId == null || !authorization.relatedTo(p, ScopeRef.school(schoolId))) {
            throw ProblemException.notFound(classId != null ? "Class" : "Group", classId != null ? classId : groupId);
        }
        if (!mayRead(p, classId, groupId, subject, lessons)) {
            throw ProblemException.forbidden(Text.of("The journal of this " + (classId != null ? "class" : "group") + " is not yours to read",
                    "Журнал " + (classId != null ? "этого класса" : "этой группы") + " вам недоступен"));
        }
    }

    /** @return the school of a class, or of a group (found through the groups of its members' schools) */
    public Optional<String> schoolOfClassOrGroup(String classId, String groupId, LocalDate date) {
        if (classId != null) {
            return roster.schoolClass(classId).map(SchoolClass::schoolId);
        }
        return roster.group(groupId).map(Group::schoolId);
    }
}
