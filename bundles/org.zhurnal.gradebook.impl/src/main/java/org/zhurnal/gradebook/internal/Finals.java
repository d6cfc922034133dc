package org.zhurnal.gradebook.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.event.DomainEvents;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.Forecast;
import org.zhurnal.gradebook.api.GradebookEvents;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.gradebook.internal.entity.FinalEntity;
import org.zhurnal.gradebook.spi.GradingScheme;
import org.zhurnal.gradebook.spi.MarkUse;
import org.zhurnal.gradebook.spi.MarkValue;
import org.zhurnal.gradebook.spi.Suggestion;
import org.zhurnal.gradebook.spi.WeightedMark;
import org.zhurnal.roster.api.AcademicYears;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.PersonKind;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.TimetableQuery;

/**
 * Period and year grades: the suggestion computed by the scheme in force from the weighted marks (the one
 * computation behind the gradebook's suggestion and the diary's forecast), and the teacher's confirmation.
 */
@Component(service = Finals.class)
public class Finals {
    /** Body of confirming a grade; {@code periodId} for PERIOD, {@code academicYear} for the other kinds. */
    public record Confirm(String studentId, String subject, String kind, String periodId, Integer academicYear, String value) {}

    /** A student's year: the confirmed period grades, the year suggestion from them, the confirmed year grade. */
    public record YearRow(JournalService.StudentRef student, String schemeId, List<FinalGrade> periodGrades, String suggested,
            BigDecimal average, String reason, FinalGrade confirmed, int grade, FinalGrade exam, FinalGrade finalGrade, String suggestedFinal,
            String finalReason) {}

    /** The grades whose students get final grades (аттестат): basic general education ends in the 9th, secondary in the 11th. */
    static final Set<Integer> GRADUATING = Set.of(9, 11);

    /** «Rounded by the rules of mathematics» (the order on certificates): x.5 rounds up; one grade is enough. */
    private static final org.zhurnal.gradebook.spi.GradingPolicy MATHEMATICAL = new org.zhurnal.gradebook.spi.GradingPolicy(new BigDecimal("0.5"), 1);

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final DomainEvents events;
    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final TimetableQuery timetable;
    private final LessonContexts contexts;
    private final SchemeRules rules;
    private final GradingSchemes schemes;
    private final Policies policies;

    @Activate
    public Finals(@Reference(target = "(osgi.unit.name=zhurnal-gradebook)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference DomainEvents events, @Reference RosterQuery roster, @Reference CalendarQuery calendar,
            @Reference TimetableQuery timetable, @Reference LessonContexts contexts, @Reference SchemeRules rules,
            @Reference GradingSchemes schemes, @Reference Policies policies, @Reference GradebookSchema schema) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.roster = roster;
        this.calendar = calendar;
        this.timetable = timetable;
        this.contexts = contexts;
        this.rules = rules;
        this.schemes = schemes;
        this.policies = policies;
    }

    private static LocalDate clamp(LocalDate d, LocalDate from, LocalDate to) {
        return d.isBefore(from) ? from : d.isAfter(to) ? to : d;
    }

    /** The student's class during the period (on today's date, kept within the period). */
    private Optional<SchoolClass> classIn(String studentId, LocalDate from, LocalDate to) {
        LocalDate on = clamp(clock.today(), from, to);
        return roster.classesOfStudent(studentId, on).stream().findFirst()
                .or(() -> roster.classesOfStudent(studentId, to).stream().findFirst())
                .or(() -> roster.classesOfStudent(studentId, from).stream().findFirst());
    }

    /** The forecast of one student (see {@link org.zhurnal.gradebook.api.GradebookQuery#forecast}). No access check. */
    public Optional<Forecast> forecast(String studentId, String subject, String periodId, boolean familyView) {
        ReportingPeriod period = calendar.period(periodId).orElse(null);
        if (period == null || subject == null) {
            return Optional.empty();
        }
        return classIn(studentId, period.start(), period.end())
                .map(c -> compute(studentId, subject, period, c.schoolId(), c.grade(), familyView));
    }

    Forecast compute(String studentId, String subject, ReportingPeriod period, String schoolId, int grade, boolean familyView) {
        return computeAll(List.of(studentId), subject, period, schoolId, grade, familyView).get(0);
    }

    /**
     * The forecasts of several students of one class or group (two queries for all of them, not two per student),
     * in the order of {@code studentIds}.
     */
    public List<Forecast> computeAll(List<String> studentIds, String subject, ReportingPeriod period, String schoolId, int grade,
            boolean familyView) {
        if (studentIds.isEmpty()) {
            return List.of();
        }
        String schemeId = rules.schemeFor(schoolId, subject, grade);
        PolicyConfig.Policy policy = policies.forSchool(schoolId);
        Optional<GradingScheme> scheme = schemes.get(schemeId);
        return jpa.txExpr(TransactionType.Supports, em -> {
            java.util.Map<String, List<Mark>> marks = new java.util.HashMap<>();
            java.util.Map<String, Integer> notShown = new java.util.HashMap<>();
            em.createQuery("select " + Mapping.MARK_ROW + " from MarkEntity m where m.studentId in :s and m.subject = :subj "
                    + "and m.lessonDate >= :from and m.lessonDate <= :to order by m.lessonDate, m.recordedAt, m.id", Object[].class)
                    .setParameter("s", InLists.padded(studentIds)).setParameter("subj", subject)
                    .setParameter("from", period.start().toString())
                    .setParameter("to", period.end().toString()).getResultList().stream()
                    .map(r -> Mapping.markRow(r, policy::weight))
                    .forEach(m -> {
                        if (!m.visibleToFamily() && m.counts()) {
                            notShown.merge(m.studentId(), 1, Integer::sum); // counted for the teacher, unseen by the family
                        }
                        if (!familyView || m.visibleToFamily()) {
                            marks.computeIfAbsent(m.studentId(), k -> new ArrayList<>()).add(m);
                        }
                    });
            java.util.Map<String, FinalGrade> confirmed = new java.util.HashMap<>();
            em.createQuery("select f from FinalEntity f where f.studentId in :s and f.subject = :subj and f.academicYear = :y "
                    + "and f.kind = :k and f.periodKey = :p", FinalEntity.class).setParameter("s", InLists.padded(studentIds))
                            .setParameter("subj", subject)
                    .setParameter("y", RosterQuery.academicYearOf(period.start())).setParameter("k", FinalGrade.PERIOD)
                    .setParameter("p", period.id()).getResultList().forEach(f -> confirmed.put(f.getStudentId(), Mapping.toDTO(f)));
            List<Forecast> out = new ArrayList<>(studentIds.size());
            for (String id : studentIds) {
                List<Mark> own = marks.getOrDefault(id, List.of());
                if (scheme.isEmpty()) {
                    out.add(new Forecast(id, subject, period.id(), schemeId, own, null, null,
                            "The grading scheme «" + schemeId + "» is not installed", confirmed.get(id), notShown.getOrDefault(id, 0)));
                } else {
                    Suggestion sug = suggest(scheme.get(), own, policy);
                    out.add(new Forecast(id, subject, period.id(), schemeId, own, sug.average(), sug.value(), sug.reason(), confirmed.get(id),
                            notShown.getOrDefault(id, 0)));
                }
            }
            return out;
        });
    }

    /** The scheme's suggestion from the counted marks of that scheme, each weighted by its work type. */
    static Suggestion suggest(GradingScheme scheme, List<Mark> marks, PolicyConfig.Policy policy) {
        List<WeightedMark> weighted = new ArrayList<>();
        for (Mark m : marks) {
            if (!m.counts() || !scheme.id().equals(m.schemeId())) {
                continue;
            }
            scheme.parse(m.value(), MarkUse.CURRENT).ifPresent(v -> weighted.add(new WeightedMark(v, policy.weight(m.workType()))));
        }
        Suggestion s = scheme.suggest(weighted, policy.grading());
        // Marks given in another scheme (the subject's scheme changed within the period) are listed but not counted: said,
        // so «no marks» beside three listed marks is not a riddle.
        List<String> others = marks.stream().filter(m -> m.counts() && !scheme.id().equals(m.schemeId())).map(Mark::schemeId).toList();
        if (s.value() == null && !others.isEmpty()) {
            return new Suggestion(null, s.average(), s.counted(), s.reason() + "; " + others.size() + (others.size() == 1 ? " mark" : " marks")
                    + " in another grading scheme (" + String.join(", ", new java.util.TreeSet<>(others)) + ") not counted");
        }
        return s;
    }

    private static FinalEntity find(javax.persistence.EntityManager em, String studentId, String subject, int year, String kind, String periodKey) {
        return em.createQuery("select f from FinalEntity f where f.studentId = :s and f.subject = :subj and f.academicYear = :y "
                + "and f.kind = :k and f.periodKey = :p", FinalEntity.class).setParameter("s", studentId).setParameter("subj", subject)
                .setParameter("y", year).setParameter("k", kind).setParameter("p", periodKey).getResultList().stream().findFirst().orElse(null);
    }

    /** The period grades page: every student of the class or group with the forecast and the confirmed grade. */
    public List<Forecast> periodPage(String classId, String groupId, String subject, String periodId) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        if (periodId == null) {
            throw ProblemException.invalid("periodId", Text.of("periodId is required: the reporting period (quarter, half-year) of the page",
                    "Выберите учебный период (четверть, полугодие)"));
        }
        ReportingPeriod period = calendar.period(periodId).orElseThrow(() -> ProblemException.notFound("Reporting period", periodId));
        if ((classId == null) == (groupId == null)) {
            throw ProblemException.invalid("classId", Text.of("Exactly one of classId and groupId is given",
                    "Выберите класс или группу"));
        }
        if (subject == null || subject.isBlank()) {
            throw ProblemException.invalid("subject", Text.of("subject is required", "Не указан предмет"));
        }
        String schoolId = contexts.schoolOfClassOrGroup(classId, groupId, period.start()).orElse(null);
        contexts.requireReader(p, schoolId, classId, groupId, subject, period.start(), period.end());
        int grade = contexts.gradeOf(classId, groupId, schoolId, period.start());
        requirePeriodOf(period, schoolId, grade);
        LocalDate on = clamp(clock.today(), period.start(), period.end());
        List<String> ids = contexts.students(classId, groupId, on).stream().sorted(Comparator.comparing(Person::fullName)).map(Person::id)
                .toList();
        return computeAll(ids, subject, period, schoolId, grade, false);
    }

    /** The year grades page: per student, the confirmed period grades and the year suggestion from them. */
    public List<YearRow> yearPage(String classId, String groupId, String subject, int academicYear) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        if ((classId == null) == (groupId == null)) {
            throw ProblemException.invalid("classId", Text.of("Exactly one of classId and groupId is given",
                    "Выберите класс или группу"));
        }
        if (subject == null || subject.isBlank()) {
            throw ProblemException.invalid("subject", Text.of("subject is required", "Не указан предмет"));
        }
        requireYear(academicYear);
        LocalDate from = LocalDate.of(academicYear, 9, 1);
        LocalDate to = LocalDate.of(academicYear + 1, 6, 30);
        String schoolId = contexts.schoolOfClassOrGroup(classId, groupId, from).orElse(null);
        contexts.requireReader(p, schoolId, classId, groupId, subject, from, to);
        int grade = contexts.gradeOf(classId, groupId, schoolId, from);
        String schemeId = rules.schemeFor(schoolId, subject, grade);
        PolicyConfig.Policy policy = policies.forSchool(schoolId);
        Optional<GradingScheme> scheme = schemes.get(schemeId);
        LocalDate on = clamp(clock.today(), from, to);
        List<Person> students = contexts.students(classId, groupId, on).stream().sorted(Comparator.comparing(Person::fullName)).toList();
        if (students.isEmpty()) {
            return List.of();
        }
        // All the grades of these students in the subject and year in one query, not two per student.
        java.util.Map<String, List<FinalGrade>> byStudent = new java.util.HashMap<>();
        // The 11th grade's final grades average the 10th's grades too: that year is read with this one.
        java.util.Map<String, List<FinalGrade>> earlier = new java.util.HashMap<>();
        jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select f from FinalEntity f where f.studentId in :s and f.subject = :subj "
                + "and f.academicYear >= :y0 and f.academicYear <= :y order by f.periodKey", FinalEntity.class)
                .setParameter("s", InLists.padded(students.stream().map(Person::id).toList())).setParameter("subj", subject)
                .setParameter("y0", grade == 11 ? academicYear - 1 : academicYear).setParameter("y", academicYear).getResultList())
                .forEach(f -> (f.getAcademicYear() == academicYear ? byStudent : earlier).computeIfAbsent(f.getStudentId(), k -> new ArrayList<>())
                        .add(Mapping.toDTO(f)));
        // Period grades in the order of the year (1st quarter first), not of their ids: each period's start read once.
        java.util.Map<String, LocalDate> startOf = new java.util.HashMap<>();
        byStudent.values().forEach(list -> list.stream().filter(f -> FinalGrade.PERIOD.equals(f.kind())).forEach(f -> startOf.computeIfAbsent(
                f.periodId(), id -> calendar.period(id).map(ReportingPeriod::start).orElse(LocalDate.MAX))));
        return students.stream().map(s -> {
            List<FinalGrade> all = byStudent.getOrDefault(s.id(), List.of());
            List<FinalGrade> periods = all.stream().filter(f -> FinalGrade.PERIOD.equals(f.kind()))
                    .sorted(Comparator.comparing((FinalGrade f) -> startOf.get(f.periodId()))).toList();
            FinalGrade year = all.stream().filter(f -> FinalGrade.YEAR.equals(f.kind())).findFirst().orElse(null);
            // A period «н/а» (not assessed: no value in the scheme) is not averaged away into a year grade: with one, the year is
            // not suggested and the page says why — the teacher decides (a year grade, or «н/а»).
            List<String> notAssessed = scheme.map(sc -> periods.stream().filter(f -> f.schemeId().equals(sc.id()))
                    // «н/а» is the regulation's notation of «not assessed» (the SPI has no flag for it; a «незачёт» is a grade)
                    .filter(f -> sc.parse(f.value(), MarkUse.FINAL).map(v -> NOT_ASSESSED.equalsIgnoreCase(v.value())).orElse(false))
                    .map(f -> f.value()).toList()).orElse(List.of());
            Suggestion sug = !notAssessed.isEmpty() ? new Suggestion(null, null, 0, "not assessed in " + notAssessed.size()
                    + (notAssessed.size() == 1 ? " period" : " periods"))
                    : scheme.map(sc -> sc.suggest(periods.stream().filter(f -> f.schemeId().equals(sc.id()))
                    .flatMap(f -> sc.parse(f.value(), MarkUse.FINAL).stream()).map(v -> new WeightedMark(v, 1)).toList(),
                    new org.zhurnal.gradebook.spi.GradingPolicy(policy.grading().roundingThreshold(), 1)))
                    .orElse(new Suggestion(null, null, 0, "The grading scheme «" + schemeId + "» is not installed"));
            FinalGrade exam = all.stream().filter(f -> FinalGrade.EXAM.equals(f.kind())).findFirst().orElse(null);
            FinalGrade fin = all.stream().filter(f -> FinalGrade.FINAL.equals(f.kind())).findFirst().orElse(null);
            Suggestion finalSug = GRADUATING.contains(grade) ? scheme.map(sc -> suggestFinal(sc, grade, periods, year, exam,
                    earlier.getOrDefault(s.id(), List.of()))).orElse(new Suggestion(null, null, 0, "The grading scheme «" + schemeId
                            + "» is not installed")) : new Suggestion(null, null, 0, null);
            return new YearRow(new JournalService.StudentRef(s.id(), s.fullName()), schemeId, periods, sug.value(), sug.average(),
                    sug.reason(), year, grade, exam, fin, finalSug.value(), finalSug.reason());
        }).toList();
    }

    /**
     * Confirms (or overrides) a grade. Only a teacher who gives the student's class or group the subject in that
     * period or year; a closed period refuses (409).
     */
    public FinalGrade confirm(Confirm c) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        Checked checked = check(p, c);
        return jpa.txExpr(TransactionType.Required, em -> write(em, p, checked));
    }

    /** The most grades one request confirms (a class or group's students in a subject). */
    static final int MAX_BULK = 200;

    /**
     * Confirms several grades at once, all or none (the teacher accepting a class's suggestions at the end of a period):
     * every grade is checked as {@link #confirm} checks one; a 400 lists the invalid values of all of them by their
     * place ({@code [3].value}), any other refusal (a student not found or not taught, a closed period) names the grade's
     * place in its detail, and nothing is written. The grades are written, audited and published in one transaction.
     */
    public List<FinalGrade> confirmAll(List<Confirm> grades) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        if (grades == null || grades.isEmpty() || grades.size() > MAX_BULK) {
            throw ProblemException.invalid("body", Text.of("A JSON array of 1 to " + MAX_BULK + " grades is required",
                    "Передайте от 1 до " + MAX_BULK + " оценок за один раз"));
        }
        List<Checked> checked = new ArrayList<>();
        List<Violation> invalid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < grades.size(); i++) {
            Confirm c = grades.get(i);
            try {
                Checked one = check(p, c);
                if (!seen.add(one.student().id() + "|" + one.subject() + "|" + one.kind() + "|" + one.periodKey() + "|" + one.year())) {
                    invalid.add(new Violation("[" + i + "].studentId", Text.of("The grade of student " + one.student().id() + " is given twice",
                            one.student().fullName() + ": оценка указана дважды")));
                }
                checked.add(one);
            } catch (ProblemException e) {
                String place = "[" + i + "]";
                // The student by name when the caller may know them (their own school's), else by the grade's number.
                String who = c == null || c.studentId() == null ? null : roster.person(c.studentId())
                        .filter(s -> s.schoolId() != null && contexts.relatedToSchool(p, s.schoolId())).map(Person::fullName).orElse(null);
                ProblemException placed = e.within(place, Text.of("Grade " + place + ": ", who != null ? who + ": " : "Оценка №" + (i + 1) + ": "));
                if (e.status() != 400) {
                    throw placed;
                }
                if (e.violations().isEmpty()) {
                    invalid.add(new Violation(placed.field(), placed.text() != null ? placed.text() : Text.of(placed.getMessage(), null)));
                } else {
                    invalid.addAll(placed.violations());
                }
            }
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(Messages.summary(invalid, "nothing was confirmed", "ничего не выставлено"), invalid);
        }
        return jpa.txExpr(TransactionType.Required, em -> checked.stream().map(c -> write(em, p, c)).toList());
    }

    /** A grade to confirm, checked: whose, what, the period or year, the scheme's value and the forecast of the moment. */
    private record Checked(Person student, String subject, String kind, ReportingPeriod period, int year, String periodKey, String schemeId,
            MarkValue value, Forecast forecast) {}

    /** The academic years the pages and grades accept (the first calendar year of one, e.g. 2026 for 2026/2027). */
    private int requireYear(Integer academicYear) {
        return AcademicYears.require("academicYear", academicYear, clock.today());
    }

    /**
     * A period's grades are for the grades it applies to in its school: a half-year of the senior grades is not a
     * fifth-grader's period (its grade would count in their year grade).
     */
    private void requirePeriodOf(ReportingPeriod period, String schoolId, int grade) {
        boolean ours = schoolId != null && calendar.periods(schoolId, RosterQuery.academicYearOf(period.start()), grade).stream()
                .anyMatch(x -> x.id().equals(period.id()));
        if (!ours) {
            throw ProblemException.invalid("periodId", Text.of("«" + period.name() + "» is not a reporting period of grade " + grade
                    + " in this school", "«" + period.name() + "» — не учебный период " + grade + "-х классов этой школы"));
        }
    }

    /** A period grade that says the student was not assessed. */
    static final String NOT_ASSESSED = "н/а";

    /** The kinds of the year's grades as the Russian UI names them. */
    private static final java.util.Map<String, String> KIND_RU = java.util.Map.of(FinalGrade.YEAR, "Годовые", FinalGrade.EXAM,
            "Экзаменационные", FinalGrade.FINAL, "Итоговые");

    /**
     * A grade is given when there is something to grade: a period's from its first day, the year's grades (year, exam,
     * final) from the first day of the year's last reporting period of the student's grade — not in December, when the
     * year has two quarters to go (409 naming the date).
     */
    private void requireOpenForGrades(String kind, ReportingPeriod period, String schoolId, int year, int grade) {
        LocalDate today = clock.today();
        if (period != null) {
            if (today.isBefore(period.start())) {
                throw ProblemException.conflict("period-not-started", Text.of("The reporting period «" + period.name() + "» starts on "
                        + period.start() + "; its grades are given from then", "Период «" + period.name() + "» начинается "
                        + Text.date(period.start()) + "; оценки за него выставляются с этого дня"));
            }
            return;
        }
        ReportingPeriod last = calendar.periods(schoolId, year, grade).stream().max(Comparator.comparing(ReportingPeriod::end))
                .orElseThrow(() -> ProblemException.conflict("no-periods", Text.of("Grade " + grade + " has no reporting periods in " + year
                        + "/" + (year + 1) + "; " + kind + " grades follow the period grades", "У " + grade + "-х классов нет учебных периодов в "
                        + year + "/" + (year + 1) + " учебном году, а " + KIND_RU.get(kind).toLowerCase(Locale.ROOT)
                        + " оценки выставляются после оценок за периоды")));
        if (today.isBefore(last.start())) {
            throw ProblemException.conflict("year-not-ending", Text.of(kind + " grades of " + year + "/" + (year + 1) + " are given from "
                    + last.start() + ", the first day of the year's last reporting period «" + last.name() + "»",
                    KIND_RU.get(kind) + " оценки за " + year + "/" + (year + 1) + " учебный год выставляются с " + Text.date(last.start())
                            + " — с начала последнего периода года («" + last.name() + "»)"));
        }
        // Closing the year's last period is the school's act that the year's grades are final (the summary sheet is signed
        // into the archive from them): they change after a deputy director reopens it, as a period's grades do.
        if (calendar.isClosed(last.id())) {
            throw ProblemException.conflict("period-closed", Text.of("The year's last reporting period «" + last.name() + "» is closed; " + kind
                    + " grades of " + year + "/" + (year + 1) + " change only after a deputy director reopens it", "Последний период года («"
                    + last.name() + "») закрыт: " + KIND_RU.get(kind).toLowerCase(Locale.ROOT) + " оценки за " + year + "/" + (year + 1)
                    + " меняются только после того, как заместитель директора его откроет"));
        }
    }

    /** Everything {@link #confirm} checks before it writes (reads only). */
    private Checked check(ZhurnalPrincipal p, Confirm c) {
        if (c == null) {
            throw ProblemException.invalid("body", "A JSON body is required");
        }
        String kind = c.kind() == null ? FinalGrade.PERIOD : c.kind().trim().toUpperCase(Locale.ROOT);
        if (!Set.of(FinalGrade.PERIOD, FinalGrade.YEAR, FinalGrade.EXAM, FinalGrade.FINAL).contains(kind)) {
            throw ProblemException.invalid("kind", Text.of("kind is PERIOD, YEAR, EXAM or FINAL",
                    "Вид оценки — за период, годовая, экзаменационная или итоговая"));
        }
        Person student = c.studentId() == null ? null : roster.person(c.studentId()).filter(s -> s.kind() == PersonKind.STUDENT).orElse(null);
        if (student == null || student.schoolId() == null || !contexts.relatedToSchool(p, student.schoolId())) {
            throw ProblemException.notFound("Student", c.studentId());
        }
        if (c.subject() == null || c.subject().isBlank()) {
            throw ProblemException.invalid("subject", Text.of("subject is required", "Не указан предмет"));
        }
        String subject = c.subject().trim();
        ReportingPeriod period = null;
        LocalDate from;
        LocalDate to;
        int year;
        if (FinalGrade.PERIOD.equals(kind)) {
            period = calendar.period(c.periodId()).orElseThrow(() -> ProblemException.invalid("periodId", Text.of("periodId is a reporting period",
                    "Не указан или не найден учебный период")));
            from = period.start();
            to = period.end();
            year = RosterQuery.academicYearOf(from);
        } else {
            year = requireYear(c.academicYear());
            from = LocalDate.of(year, 9, 1);
            to = LocalDate.of(year + 1, 6, 30);
        }
        SchoolClass schoolClass = classIn(student.id(), from, to).orElseThrow(() -> ProblemException.invalid("studentId",
                Text.of("The student has no class in " + year + "/" + (year + 1), "Ученик не учится ни в одном классе в "
                        + year + "/" + (year + 1) + " учебном году")));
        if (period != null) {
            requirePeriodOf(period, student.schoolId(), schoolClass.grade());
        }
        requireTeaches(kind, student.schoolId(), p, student.id(), schoolClass, subject, from, to);
        requireOpenForGrades(kind, period, student.schoolId(), year, schoolClass.grade());
        if (period != null && calendar.isClosed(period.id())) {
            throw ProblemException.conflict("period-closed", Text.of("The reporting period «" + period.name() + "» is closed; its grades "
                    + "change only after a deputy director reopens it", "Период «" + period.name() + "» закрыт: оценки за него меняются "
                    + "только после того, как заместитель директора его откроет"));
        }
        String schemeId = rules.schemeFor(student.schoolId(), subject, schoolClass.grade());
        GradingScheme scheme = schemes.get(schemeId).orElseThrow(() -> ProblemException.conflict("scheme-unavailable",
                Text.of("The grading scheme «" + schemeId + "» is not installed; grades in it cannot be confirmed now",
                        "Система оценивания «" + schemeId + "» не установлена: оценки по ней сейчас не выставить")));
        MarkValue value = c.value() == null ? null : scheme.parse(c.value(), MarkUse.FINAL).orElse(null);
        if (value == null) {
            throw ProblemException.invalid("value", Text.of("«" + c.value() + "» is not a final grade of the scheme: "
                    + String.join(" ", scheme.values(MarkUse.FINAL)), "«" + c.value() + "» — недопустимая оценка за период или год (система оценивания «"
                    + scheme.name(Text.RUSSIAN) + "»); допустимые: " + String.join(" ", scheme.values(MarkUse.FINAL))));
        }
        Forecast forecast = period == null ? null : compute(student.id(), subject, period, student.schoolId(), schoolClass.grade(), false);
        return new Checked(student, subject, kind, period, year, period == null ? kind : period.id(), schemeId, value, forecast);
    }

    /** Stores a checked grade (created or replaced), with its audit entry and its event, in the caller's transaction. */
    private FinalGrade write(EntityManager em, ZhurnalPrincipal p, Checked c) {
        Person student = c.student();
        FinalEntity f = find(em, student.id(), c.subject(), c.year(), c.kind(), c.periodKey());
        FinalGrade before = f == null ? null : Mapping.toDTO(f);
        if (f == null) {
            f = new FinalEntity();
            f.setId(UUID.randomUUID().toString());
            f.setSchoolId(student.schoolId());
            f.setStudentId(student.id());
            f.setSubject(c.subject());
            f.setAcademicYear(c.year());
            f.setKind(c.kind());
            f.setPeriodKey(c.periodKey());
            em.persist(f);
        }
        f.setSchemeId(c.schemeId());
        f.setValue(c.value().value());
        f.setSuggested(c.forecast() == null ? null : c.forecast().suggested());
        f.setAverage(c.forecast() == null ? null : c.forecast().average());
        f.setConfirmedBy(p.login());
        f.setConfirmedAt(clock.now().toEpochMilli());
        FinalGrade after = Mapping.toDTO(f);
        audit.record(student.schoolId(), "final-grade", f.getId(), before == null ? "create" : "update", before, after);
        events.publish(GradebookEvents.FINAL_CONFIRMED, student.schoolId(), after);
        return after;
    }

    /**
     * The final grade (аттестат) the school is to confirm, as the order on certificates computes it, with the scheme's
     * rounding at x.5 («по правилам математического округления»): in the 9th grade the mean of the year and exam grades,
     * or the year grade of a subject without an exam; in the 11th the mean of the 10th and 11th grades' period and year
     * grades. No suggestion without this year's grade, or when a grade is not one the scheme averages («н/а», «зачёт»
     * is then suggested only as the year grade itself).
     */
    static Suggestion suggestFinal(GradingScheme sc, int grade, List<FinalGrade> periods, FinalGrade year, FinalGrade exam,
            List<FinalGrade> earlierYear) {
        if (year == null || !year.schemeId().equals(sc.id())) {
            return new Suggestion(null, null, 0, "no year grade");
        }
        List<FinalGrade> averaged = new ArrayList<>();
        averaged.add(year);
        if (grade == 9) {
            if (exam == null) {
                return new Suggestion(year.value(), null, 1, null);
            }
            averaged.add(exam);
        } else {
            averaged.addAll(periods);
            earlierYear.stream().filter(f -> FinalGrade.PERIOD.equals(f.kind()) || FinalGrade.YEAR.equals(f.kind())).forEach(averaged::add);
        }
        List<WeightedMark> marks = new ArrayList<>();
        for (FinalGrade f : averaged) {
            Optional<MarkValue> v = f.schemeId().equals(sc.id()) ? sc.parse(f.value(), MarkUse.FINAL) : Optional.empty();
            if (v.isEmpty() || v.get().numeric() == null) {
                return averaged.size() == 1 ? new Suggestion(year.value(), null, 1, null) : new Suggestion(null, null, 0, "not averaged: " + f.value());
            }
            marks.add(new WeightedMark(v.get(), 1));
        }
        return sc.suggest(marks, MATHEMATICAL);
    }

    /**
     * 403 unless the caller gives the student's class, or one of the student's groups, the subject within the range. Exam and
     * final grades are also the school administration's to enter (exam results come from the examination board, final
     * grades are the school's decision): the coordinator and deputy director may.
     */
    private void requireTeaches(String kind, String schoolId, ZhurnalPrincipal p, String studentId, SchoolClass c, String subject, LocalDate from, LocalDate to) {
        if ((FinalGrade.EXAM.equals(kind) || FinalGrade.FINAL.equals(kind)) && contexts.administers(p, schoolId)) {
            return;
        }
        String me = contexts.personOf(p).orElse(null);
        if (me != null) {
            Set<String> mine = new HashSet<>();
            mine.add(c.id());
            LocalDate on = clamp(clock.today(), from, to);
            roster.groupsOfStudent(studentId, on).stream().map(Group::id).forEach(mine::add);
            LocalDate end = to.isAfter(from.plusDays(360)) ? from.plusDays(360) : to;
            for (Lesson l : timetable.forTeacher(me, from, end)) {
                // The timetable's teacher of the subject; a substitute of a single lesson does not give grades.
                if (me.equals(l.regularTeacherId()) && subject.equals(l.subject()) && (mine.contains(l.classId()) || mine.contains(l.groupId()))) {
                    return;
                }
            }
        }
        boolean administration = FinalGrade.EXAM.equals(kind) || FinalGrade.FINAL.equals(kind);
        throw ProblemException.forbidden(Text.of("Only a teacher of " + subject + " in the student's class or group" + (administration
                ? " or the school's administration" : "") + " confirms this grade", "Эту оценку выставляет только учитель предмета «" + subject
                + "» в классе или группе ученика" + (administration ? " или администрация школы" : "")));
    }
}
