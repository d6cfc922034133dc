package org.zhurnal.gradebook.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.JournalLesson;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.gradebook.internal.entity.LessonEntity;
import org.zhurnal.gradebook.spi.MarkUse;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.TimetableQuery;

/** The journal's read views: the grid of a class or group in a subject, and a teacher's day. */
@Component(service = JournalReads.class)
public class JournalReads {
    /**
     * One column of the grid: the occurrence and what was recorded for it ({@code journal} null = not entered yet), and the
     * lesson's revision (0 before its first entry) for the entry's {@code If-Match}; {@code yours} when the caller gives
     * the lesson (its teacher, or the substitute that day) and so may enter it — a class teacher or the deputy reading
     * another teacher's subject may not.
     */
    public record GridLesson(String occurrenceId, LocalDate date, int lessonNumber, String status, String teacherId, JournalLesson journal,
            long revision, boolean yours) {}

    /**
     * The journal page of a class or group in a subject: students × lessons, with marks and attendance; {@code memberships}
     * gives, for each student who was not a member over the whole range (joined, left, moved), the spans they were (a
     * span's {@code to} is {@code null} when open): their lessons outside those take no entries.
     */
    public record Grid(String classId, String groupId, String subject, String schemeId, boolean schemeInstalled, List<String> values,
            List<JournalService.StudentRef> students, List<GridLesson> lessons, List<Mark> marks, List<Attendance> attendance,
            Map<String, List<Span>> memberships) {}

    /** Days a student was a member of the class or group ({@code to} {@code null}: still is). */
    public record Span(LocalDate from, LocalDate to) {}

    /**
     * A lesson of a teacher's day and what is still missing; {@code held} is false only when the teacher recorded that the
     * lesson did not take place (nothing is then missing).
     */
    public record TodayLesson(Lesson lesson, boolean entered, boolean held, boolean topic, boolean attendance, boolean homework, int marks) {}

    /** The most days {@link #unfilled} looks back: a school's longest holidays aside, a quarter is about nine weeks. */
    public static final int MAX_UNFILLED_DAYS = 62;

    /**
     * A journal the caller teaches: a class or group and a subject from the caller's lessons around a date, with
     * the names the journal pages show (teachers may not list the school's classes in the roster).
     */
    public record Teaching(String schoolId, String classId, String groupId, String name, Integer grade, String subject) {}

    /** How far around the date the caller's lessons are looked at: the week template repeats, substitutions do not. */
    static final int TEACHING_WEEKS = 4;

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final RosterQuery roster;
    private final LessonContexts contexts;
    private final TimetableQuery timetable;
    private final SchemeRules rules;
    private final GradingSchemes schemes;
    private final Policies policies;
    private final JournalService journal;

    @Activate
    public JournalReads(@Reference(target = "(osgi.unit.name=zhurnal-gradebook)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference LessonContexts contexts, @Reference TimetableQuery timetable, @Reference SchemeRules rules,
            @Reference GradingSchemes schemes, @Reference Policies policies, @Reference JournalService journal, @Reference RosterQuery roster) {
        this.roster = roster;
        this.jpa = jpa;
        this.clock = clock;
        this.contexts = contexts;
        this.timetable = timetable;
        this.rules = rules;
        this.schemes = schemes;
        this.policies = policies;
        this.journal = journal;
    }

    public Grid grid(String classId, String groupId, String subject, LocalDate from, LocalDate to) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        if ((classId == null) == (groupId == null)) {
            throw ProblemException.invalid("classId", Text.of("Exactly one of classId and groupId is given",
                    "Выберите класс или группу"));
        }
        if (subject == null || subject.isBlank()) {
            throw ProblemException.invalid("subject", Text.of("subject is required", "Не указан предмет"));
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw ProblemException.invalid(from == null ? "from" : "to", Text.of("from and to are dates (yyyy-MM-dd), from not after to",
                    "Укажите начальную и конечную даты; начальная — не позже конечной"));
        }
        String schoolId = contexts.schoolOfClassOrGroup(classId, groupId, from).orElse(null);
        // The class's lessons are computed once: for the access check (does the caller teach it the subject?) and the grid.
        List<Lesson> all = classId != null ? timetable.forClass(classId, from, to) : timetable.forGroup(groupId, from, to);
        // A range without lessons of the subject (a weekend, the holidays) tells nothing of who teaches it: the weeks
        // around it do.
        java.util.function.Supplier<List<Lesson>> around = () -> all.stream().anyMatch(l -> subject.equals(l.subject())) ? all
                : classId != null ? timetable.forClass(classId, from.minusWeeks(TEACHING_WEEKS), to.plusWeeks(TEACHING_WEEKS))
                : timetable.forGroup(groupId, from.minusWeeks(TEACHING_WEEKS), to.plusWeeks(TEACHING_WEEKS));
        List<Lesson> subjectLessons = all.stream()
                .filter(l -> subject.equals(l.subject()) && Objects.equals(classId, l.classId()) && (groupId == null || groupId.equals(l.groupId())))
                .toList();
        // A substitute who may not read this journal otherwise opens it for the lessons they gave, and sees only those.
        String me = contexts.personOf(p).orElse(null);
        List<Lesson> substituted = me == null ? List.of() : subjectLessons.stream().filter(l -> me.equals(l.teacherId())).toList();
        boolean onlySubstituted = !substituted.isEmpty() && !contexts.mayRead(p, classId, groupId, subject, around);
        if (!onlySubstituted) {
            contexts.requireReader(p, schoolId, classId, groupId, subject, around);
        }
        List<Lesson> lessons = onlySubstituted ? substituted : subjectLessons;
        int grade = contexts.gradeOf(classId, groupId, schoolId, from);
        String schemeId = rules.schemeFor(schoolId, subject, grade);
        PolicyConfig.Policy policy = policies.forSchool(schoolId);
        Map<String, JournalService.StudentRef> students = new LinkedHashMap<>();
        LocalDate today = clock.today();
        // The members on the first and last day and today, when it is in the range (the days may coincide: a past range, one day).
        java.util.Set<LocalDate> sampled = new java.util.TreeSet<>(List.of(from, to, today.isBefore(from) || today.isAfter(to) ? from : today));
        Map<String, Integer> daysPresent = new HashMap<>();
        for (LocalDate d : sampled) {
            contexts.students(classId, groupId, d).forEach(s -> {
                students.putIfAbsent(s.id(), new JournalService.StudentRef(s.id(), s.fullName()));
                daysPresent.merge(s.id(), 1, Integer::sum);
            });
        }
        List<String> ids = lessons.stream().map(Lesson::occurrenceId).toList();
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, JournalLesson> recorded = new HashMap<>();
            Map<String, Long> revisions = new HashMap<>();
            List<Attendance> attendance = new ArrayList<>();
            if (!ids.isEmpty()) {
                em.createQuery("select l from LessonEntity l where l.occurrenceId in :o", LessonEntity.class)
                        .setParameter("o", InLists.padded(ids))
                        .getResultList().forEach(l -> {
                            recorded.put(l.getOccurrenceId(), Mapping.toDTO(l));
                            revisions.put(l.getOccurrenceId(), l.getUpdatedAt());
                        });
                em.createQuery("select " + Mapping.ATTENDANCE_ROW + " from AttendanceEntity a where a.occurrenceId in :o", Object[].class)
                        .setParameter("o", InLists.padded(ids)).getResultList().forEach(a -> attendance.add(Mapping.attendanceRow(a)));
            }
            List<Mark> marks = journal.marksOf(em, ids, policy);
            // A student with marks or absences here who was not a member on those days (joined and left within the
            // range) is shown by name too.
            java.util.function.Function<String, JournalService.StudentRef> byName = id -> new JournalService.StudentRef(id,
                    roster.person(id).map(org.zhurnal.roster.api.Person::fullName).orElse(id));
            marks.forEach(m -> students.computeIfAbsent(m.studentId(), byName));
            attendance.forEach(a -> students.computeIfAbsent(a.studentId(), byName));
            List<JournalService.StudentRef> sorted = students.values().stream().sorted(Comparator.comparing(JournalService.StudentRef::name))
                    .toList();
            List<GridLesson> columns = lessons.stream().map(l -> new GridLesson(l.occurrenceId(), l.date(), l.lessonNumber(), l.status(),
                    l.teacherId(), recorded.get(l.occurrenceId()), revisions.getOrDefault(l.occurrenceId(), 0L),
                    me != null && me.equals(l.teacherId()))).toList();
            List<String> values = schemes.get(schemeId).map(s -> s.values(MarkUse.CURRENT)).orElse(List.of());
            // Who was not a member on every sampled day (or only has entries here) joined, left or moved within the range:
            // their spans, read for them alone (usually nobody).
            Map<String, List<Span>> spans = new LinkedHashMap<>();
            for (JournalService.StudentRef st : sorted) {
                if (daysPresent.getOrDefault(st.id(), 0) < sampled.size()) {
                    spans.put(st.id(), roster.membershipsOfStudent(st.id(), from, to).stream()
                            .filter(m -> classId != null ? !m.isGroup() && classId.equals(m.classId()) : groupId.equals(m.groupId()))
                            .map(m -> new Span(m.validFrom(), m.validTo())).toList());
                }
            }
            return new Grid(classId, groupId, subject, schemeId, schemes.get(schemeId).isPresent(), values, sorted, columns, marks, attendance,
                    spans);
        });
    }

    /** The caller's lessons of a day and what each still lacks (the teacher's "today" page). */
    public List<TodayLesson> today(LocalDate date) {
        LocalDate day = date == null ? clock.today() : date;
        return lessonsOf(teacher(), day, day);
    }

    /**
     * The caller's lessons of the {@code days} days before {@code before} (default today) that took place and still lack
     * their topic or attendance, which the school's rules want on the lesson's day: the «Today» page's list of
     * overdue lessons, oldest first.
     */
    public List<TodayLesson> unfilled(LocalDate before, int days) {
        LocalDate end = before == null ? clock.today() : before;
        return lessonsOf(teacher(), end.minusDays(days), end.minusDays(1)).stream()
                .filter(x -> x.held() && (!x.topic() || !x.attendance())).toList();
    }

    private String teacher() {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        return contexts.personOf(p).orElseThrow(() -> ProblemException.notFound("Teacher", p.login()));
    }

    /** The teacher's lessons from {@code from} to {@code to} (not cancelled ones) with what was recorded, by date and number. */
    private List<TodayLesson> lessonsOf(String me, LocalDate from, LocalDate to) {
        List<Lesson> lessons = timetable.forTeacher(me, from, to).stream().filter(l -> !l.cancelled())
                .sorted(Comparator.comparing(Lesson::date).thenComparingInt(Lesson::lessonNumber)).toList();
        List<String> ids = lessons.stream().map(Lesson::occurrenceId).toList();
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, LessonEntity> recorded = new HashMap<>();
            Map<String, Long> marks = new HashMap<>();
            if (!ids.isEmpty()) { // at most MAX_UNFILLED_DAYS of a teacher's lessons: a few hundred
                List<String> padded = InLists.padded(ids);
                em.createQuery("select l from LessonEntity l where l.occurrenceId in :o", LessonEntity.class)
                        .setParameter("o", padded).getResultList().forEach(l -> recorded.put(l.getOccurrenceId(), l));
                em.createQuery("select m.occurrenceId from MarkEntity m where m.occurrenceId in :o", String.class)
                        .setParameter("o", padded).getResultList().forEach(o -> marks.merge(o, 1L, Long::sum));
            }
            return lessons.stream().map(l -> {
                LessonEntity e = recorded.get(l.occurrenceId());
                return new TodayLesson(l, e != null, e == null || e.isHeld(), e != null && e.getTopic() != null,
                        e != null && e.getAttendanceAt() != null, e != null && e.getHomeworkAt() != null,
                        marks.getOrDefault(l.occurrenceId(), 0L).intValue());
            }).collect(Collectors.toList());
        });
    }

    /** The classes/groups and subjects the caller teaches around {@code date} (default today); empty for non-teachers. */
    public List<Teaching> teaching(LocalDate date) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        LocalDate day = date == null ? clock.today() : date;
        return contexts.personOf(p).map(me -> timetable.forTeacher(me, day.minusWeeks(TEACHING_WEEKS), day.plusWeeks(TEACHING_WEEKS)).stream()
                .filter(l -> !l.cancelled())
                .map(l -> {
                    if (l.classId() != null) {
                        SchoolClass c = roster.schoolClass(l.classId()).orElse(null);
                        return new Teaching(c == null ? null : c.schoolId(), l.classId(), null, c == null ? l.classId() : c.name(),
                                c == null ? null : c.grade(), l.subject());
                    }
                    Group g = roster.group(l.groupId()).orElse(null);
                    Integer grade = g == null || g.classId() == null ? null : roster.schoolClass(g.classId()).map(SchoolClass::grade).orElse(null);
                    return new Teaching(g == null ? null : g.schoolId(), null, l.groupId(), g == null ? l.groupId() : g.name(), grade, l.subject());
                })
                .distinct()
                .sorted(Comparator.comparing((Teaching t) -> t.grade() == null ? 99 : t.grade()).thenComparing(Teaching::name)
                        .thenComparing(Teaching::subject))
                .toList()).orElse(List.of());
    }
}
