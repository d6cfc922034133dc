package org.zhurnal.gradebook.internal.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.persistence.Ids;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.demo.DemoContext;
import org.zhurnal.core.api.demo.DemoDataContributor;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.Forecast;
import org.zhurnal.gradebook.internal.Finals;
import org.zhurnal.gradebook.internal.GradebookSchema;
import org.zhurnal.gradebook.internal.LessonContexts;
import org.zhurnal.gradebook.internal.SchemeRules;
import org.zhurnal.gradebook.internal.entity.AttendanceEntity;
import org.zhurnal.gradebook.internal.entity.FinalEntity;
import org.zhurnal.gradebook.internal.entity.LessonEntity;
import org.zhurnal.gradebook.internal.entity.MarkEntity;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.IssuedCredentials;
import org.zhurnal.security.api.NewAccount;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.TimetableQuery;

/**
 * The demo school's journal from the first school day to yesterday: topics, homework, attendance and marks for
 * every lesson of every class, generated deterministically (a seeded random per class) and written in one
 * transaction per class. Students have a stable "ability" so averages look like a real class; every eighth lesson
 * of a subject is a control work marked for everyone present; about one entry in ten is late, so the timeliness
 * report has something to show. Grade 1 gets no marks (безотметочное обучение). Demo data is bulk-inserted: one
 * audit record per class sums it up, and no domain events are published (no notification storm at first start).
 * Reporting periods already over get their period grades confirmed (as suggested), so the summary sheet, class
 * progress and the diary show them. A teacher account (the 5А mathematics teacher) is issued so the journal can be
 * tried at once.
 */
@Component(service = DemoDataContributor.class)
public class GradebookDemo implements DemoDataContributor {
    private static final Logger LOG = LoggerFactory.getLogger(GradebookDemo.class);
    static final long SEED = 20_261_129L;
    private static final Map<String, List<String>> TOPICS = Map.of(
            "Математика", List.of("Натуральные числа", "Сложение и вычитание", "Умножение и деление", "Округление", "Уравнения",
                    "Обыкновенные дроби", "Сложение дробей", "Десятичные дроби", "Проценты", "Площадь прямоугольника", "Объём"),
            "Русский язык", List.of("Фонетика", "Орфография", "Безударные гласные", "Морфемика", "Имя существительное", "Имя прилагательное",
                    "Глагол", "Синтаксис", "Простое предложение", "Прямая речь", "Сочинение-описание"),
            "Литература", List.of("Устное народное творчество", "Сказки", "Басни Крылова", "Пушкин. Сказки", "Лермонтов. «Бородино»",
                    "Гоголь", "Тургенев. «Муму»", "Некрасов", "Толстой. «Кавказский пленник»"),
            "Английский язык", List.of("Greetings", "My family", "At school", "Daily routine", "Present Simple", "My house", "Shopping",
                    "Past Simple", "Holidays"));

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final RosterQuery roster;
    private final TimetableQuery timetable;
    private final LessonContexts contexts;
    private final SchemeRules rules;
    private final AccountService accounts;
    private final Finals finals;
    private final CalendarQuery calendar;

    @Activate
    public GradebookDemo(@Reference(target = "(osgi.unit.name=zhurnal-gradebook)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference RosterQuery roster, @Reference TimetableQuery timetable, @Reference LessonContexts contexts,
            @Reference SchemeRules rules, @Reference AccountService accounts, @Reference GradebookSchema schema, @Reference Finals finals,
            @Reference CalendarQuery calendar) {
        this.finals = finals;
        this.calendar = calendar;
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.roster = roster;
        this.timetable = timetable;
        this.contexts = contexts;
        this.rules = rules;
        this.accounts = accounts;
    }

    @Override
    public String id() {
        return "gradebook";
    }

    @Override
    public int order() {
        return 500; // after the roster, calendar, bells and timetable
    }

    @Override
    public void load(DemoContext ctx) throws Exception {
        String schoolId = ctx.schoolId();
        LocalDate today = clock.today();
        int year = RosterQuery.academicYearOf(today);
        if (ctx.variant() == 0) {
            issueTeacherAccount(ctx, schoolId, year, today);
        }
        long existing = jpa.txExpr(TransactionType.Supports, em -> (Long) em.createQuery(
                "select count(l) from LessonEntity l where l.schoolId = :s").setParameter("s", schoolId).getSingleResult());
        if (existing > 0) {
            return; // loaded before
        }
        long start = System.nanoTime();
        LocalDate from = ctx.activityFrom().filter(d -> d.isAfter(LocalDate.of(year, 9, 1))).orElse(LocalDate.of(year, 9, 1));
        // How often a teacher fills the journal late: one lesson in 10 in the demo school; neighbour schools differ
        // (one in 4 … one in 19), so that a municipal ranking ranks something.
        int lateOneIn = ctx.variant() == 0 ? 10 : 4 + ctx.variant() % 16;
        LocalDate to = today.minusDays(1);
        if (to.isBefore(from)) {
            return;
        }
        ZoneId zone = contexts.zone(schoolId);
        int[] totals = new int[4];
        for (SchoolClass c : roster.classes(schoolId, year)) {
            int[] n = loadClass(schoolId, c, from, to, zone, lateOneIn);
            for (int i = 0; i < 3; i++) {
                totals[i] += n[i];
            }
            totals[3] += confirmEndedPeriods(schoolId, c, year, today, zone);
        }
        LOG.info("Demo journal written in {} ms: {} lessons, {} marks, {} absences, {} period grades confirmed",
                (System.nanoTime() - start) / 1_000_000, totals[0], totals[1], totals[2], totals[3]);
    }

    private void issueTeacherAccount(DemoContext ctx, String schoolId, int year, LocalDate today) {
        SchoolClass fiveA = roster.classes(schoolId, year).stream().filter(c -> c.name().equals("5А")).findFirst().orElse(null);
        if (fiveA == null) {
            return;
        }
        LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        timetable.forClass(fiveA.id(), monday.minusWeeks(1), monday.plusDays(6)).stream()
                .filter(l -> l.subject().equals("Математика")).map(Lesson::regularTeacherId).findFirst()
                .flatMap(roster::person).filter(t -> accounts.byPerson(t.id()).isEmpty()).ifPresent(t -> {
                    IssuedCredentials issued = accounts.create(new NewAccount(null, t.fullName(), t.id(), schoolId,
                            List.of(new Grant(Role.TEACHER, ScopeRef.school(schoolId))), null));
                    ctx.credential(issued.account().login(), issued.temporaryPassword(),
                            "mathematics teacher of 5А — " + t.fullName() + " (temporary)");
                });
    }

    /**
     * The class teachers' work at the end of each reporting period already over: every student's period grade in every
     * subject with enough marks, confirmed as the scheme suggests it (the same computation as the gradebook's
     * suggestion), the day after the period ends. Grade 1 has no marks and so no grades.
     *
     * @return period grades written
     */
    private int confirmEndedPeriods(String schoolId, SchoolClass c, int year, LocalDate today, ZoneId zone) {
        if (c.grade() == 1) {
            return 0;
        }
        List<String> subjects = timetable.forClass(c.id(), LocalDate.of(year, 9, 1), today.minusDays(1)).stream().map(Lesson::subject)
                .distinct().sorted().toList();
        List<FinalEntity> rows = new ArrayList<>();
        for (ReportingPeriod period : calendar.periods(schoolId, year, c.grade())) {
            if (!period.end().isBefore(today)) {
                continue;
            }
            List<String> students = roster.studentsOfClass(c.id(), period.end()).stream().map(Person::id).toList();
            long confirmedAt = period.end().plusDays(1).atTime(15, 0).atZone(zone).toInstant().toEpochMilli();
            for (String subject : subjects) {
                for (Forecast f : finals.computeAll(students, subject, period, schoolId, c.grade(), false)) {
                    if (f.suggested() == null || f.confirmed() != null) {
                        continue;
                    }
                    FinalEntity e = new FinalEntity();
                    e.setId(UUID.randomUUID().toString());
                    e.setSchoolId(schoolId);
                    e.setStudentId(f.studentId());
                    e.setSubject(subject);
                    e.setAcademicYear(year);
                    e.setKind(FinalGrade.PERIOD);
                    e.setPeriodKey(period.id());
                    e.setSchemeId(f.schemeId());
                    e.setValue(f.suggested());
                    e.setSuggested(f.suggested());
                    e.setAverage(f.average());
                    e.setConfirmedBy("demo");
                    e.setConfirmedAt(confirmedAt);
                    rows.add(e);
                }
            }
        }
        if (!rows.isEmpty()) {
            jpa.tx(TransactionType.Required, em -> {
                rows.forEach(em::persist);
                audit.record(schoolId, "gradebook-demo", c.id(), "demo-finals", null, Map.of("class", c.name(), "periodGrades", rows.size()));
            });
        }
        return rows.size();
    }

    /** @return lessons, marks and absences written for the class */
    private int[] loadClass(String schoolId, SchoolClass c, LocalDate from, LocalDate to, ZoneId zone, int lateOneIn) {
        Random r = new Random(SEED ^ c.id().hashCode());
        List<Lesson> lessons = timetable.forClass(c.id(), from, to).stream().filter(l -> !l.cancelled()).toList();
        Map<String, List<Person>> studentsByDay = new HashMap<>();
        Map<String, Double> ability = new HashMap<>();
        Map<String, String> sickOn = new HashMap<>();
        Map<String, Integer> lessonNo = new HashMap<>();
        List<Object> rows = new ArrayList<>();
        int marks = 0;
        int absences = 0;
        for (Lesson l : lessons) {
            String key = (l.groupId() == null ? "c" : l.groupId()) + "|" + l.date();
            List<Person> students = studentsByDay.computeIfAbsent(key, k -> contexts.students(l.groupId() == null ? c.id() : null,
                    l.groupId(), l.date()));
            int n = lessonNo.merge(l.subject() + "|" + (l.groupId() == null ? "" : l.groupId()), 1, Integer::sum);
            long end = l.date().atTime(l.end()).atZone(zone).toInstant().toEpochMilli();
            boolean late = r.nextInt(lateOneIn) == 0;
            long recorded = late ? end + (1 + r.nextInt(6)) * 86_400_000L : end + r.nextInt(3 * 3_600_000);
            LessonEntity e = new LessonEntity();
            e.setOccurrenceId(l.occurrenceId());
            e.setSchoolId(schoolId);
            e.setLessonDate(l.date().toString());
            e.setClassId(l.classId());
            e.setGroupId(l.groupId());
            e.setSubject(l.subject());
            e.setTaughtBy(l.teacherId());
            e.setHeld(true);
            List<String> topics = TOPICS.get(l.subject());
            e.setTopic(topics == null ? l.subject() + ": урок " + n : topics.get(Math.min(topics.size() - 1, (n - 1) / 4)));
            e.setTopicAt(recorded);
            e.setAttendanceAt(recorded);
            if (r.nextInt(5) != 0) {
                e.setHomework("§ " + (1 + n / 3) + ", упр. " + (10 + r.nextInt(300)));
                e.setHomeworkAt(recorded);
            }
            e.setCreatedAt(recorded);
            e.setUpdatedAt(recorded);
            rows.add(e);
            boolean control = n % 8 == 0;
            String scheme = rules.schemeFor(schoolId, l.subject(), c.grade());
            for (Person s : students) {
                String dayKey = s.id() + "|" + l.date();
                String absent = sickOn.computeIfAbsent(dayKey, k -> {
                    int roll = r.nextInt(1000);
                    return roll < 30 ? "б" : roll < 36 ? "у" : roll < 41 ? "н" : "";
                });
                String code = !absent.isEmpty() ? absent : r.nextInt(100) == 0 ? "оп" : null;
                if (code != null) {
                    AttendanceEntity a = new AttendanceEntity();
                    a.setId(Ids.timeOrdered());
                    a.setOccurrenceId(l.occurrenceId());
                    a.setSchoolId(schoolId);
                    a.setStudentId(s.id());
                    a.setLessonDate(l.date().toString());
                    a.setSubject(l.subject());
                    a.setCode(code);
                    a.setCategory(switch (code) {
                        case "б" -> "ILLNESS";
                        case "у" -> "EXCUSED";
                        case "н" -> "UNEXCUSED";
                        default -> "LATE";
                    });
                    a.setLateMinutes(code.equals("оп") ? 3 + r.nextInt(15) : null);
                    a.setRecordedAt(recorded);
                    a.setRecordedBy("demo");
                    rows.add(a);
                    absences++;
                    if (!code.equals("оп")) {
                        continue;
                    }
                }
                if (c.grade() == 1 || !"fivepoint".equals(scheme) || !(control || r.nextInt(100) < 22)) {
                    continue;
                }
                double mean = ability.computeIfAbsent(s.id(), id -> 2.9 + new Random(SEED ^ id.hashCode()).nextDouble() * 2.0);
                int value = (int) Math.round(Math.max(2, Math.min(5, mean + r.nextGaussian() * 0.7)));
                MarkEntity m = new MarkEntity();
                m.setId(Ids.timeOrdered());
                m.setOccurrenceId(l.occurrenceId());
                m.setSchoolId(schoolId);
                m.setStudentId(s.id());
                m.setLessonDate(l.date().toString());
                m.setSubject(l.subject());
                m.setClassId(l.classId());
                m.setGroupId(l.groupId());
                m.setSchemeId(scheme);
                m.setValue(Integer.toString(value));
                m.setNumeric((double) value);
                m.setWorkType(control ? "CONTROL" : List.of("ORAL", "ORAL", "HOMEWORK", "CLASSWORK", "TEST").get(r.nextInt(5)));
                m.setWorkDate(l.date().toString());
                m.setCounted(true);
                m.setFamilyVisible(r.nextInt(50) != 0);
                m.setRecordedAt(recorded);
                m.setRecordedBy("demo");
                m.setUpdatedAt(recorded);
                rows.add(m);
                marks++;
            }
        }
        int marksWritten = marks;
        int absencesWritten = absences;
        jpa.tx(TransactionType.Required, em -> {
            rows.forEach(em::persist);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("class", c.name());
            summary.put("lessons", lessons.size());
            summary.put("marks", marksWritten);
            summary.put("absences", absencesWritten);
            audit.record(schoolId, "gradebook-demo", c.id(), "demo-load", null, summary);
        });
        return new int[] { lessons.size(), marks, absences };
    }
}
