package org.zhurnal.diary.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.diary.api.DiaryDay;
import org.zhurnal.diary.api.DiaryLesson;
import org.zhurnal.diary.api.DiaryMark;
import org.zhurnal.diary.api.DiaryPeriod;
import org.zhurnal.diary.api.DiaryQuery;
import org.zhurnal.diary.api.DiarySubject;
import org.zhurnal.diary.api.DiaryWeek;
import org.zhurnal.gradebook.api.AbsenceCode;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.pdf.api.PrintDocument;
import org.zhurnal.roster.api.Guardianship;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.api.AccountService;

/**
 * Weekly printouts for families without electronic access: who gets one (students with a guardian flagged «no
 * electronic access»), the per-class PDF batch (one page per student: the week's lessons with marks, absences and
 * homework, and the current period's marks and forecasts — from {@link DiaryQuery}, so hidden marks never print),
 * and the record that a printout was handed over — not before the week's printouts are ready, from the configured weekday.
 */
@Component(service = Printouts.class, configurationPid = Printouts.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Printouts.Config.class)
public class Printouts {
    public static final String PID = "org.zhurnal.diary.printouts";

    @ObjectClassDefinition(name = "Zhurnal diary printouts", description = "Weekly printouts for families without electronic access")
    public @interface Config {
        @AttributeDefinition(description = "Weekday from which the current week's printouts are ready for the class teacher")
        String weekday() default "FRIDAY";
    }

    private final JpaTemplate jpa;
    private final DiaryQuery diary;
    private final RosterQuery roster;
    private final TenantService tenants;
    private final AuditLog audit;
    private final ZhurnalClock clock;
    private final GradebookQuery gradebook;
    private final AccountService accounts;
    private volatile DayOfWeek readyOn;

    /**
     * One student who gets a printout, and whether this week's was handed over: when, by whom (the login as recorded, and the
     * person's name to show, the login when the account is gone).
     */
    public record Recipient(String studentId, String studentName, List<String> guardians, Instant handedAt, String handedBy,
            String handedByName) {
    }

    /** The printouts of a class for a week. */
    public record ClassPrintouts(String classId, String className, LocalDate week, LocalDate readyFrom, List<Recipient> students) {
    }

    @Activate
    public Printouts(@Reference(target = "(osgi.unit.name=zhurnal-diary)") JpaTemplate jpa, @Reference DiaryQuery diary,
            @Reference RosterQuery roster, @Reference TenantService tenants, @Reference AuditLog audit, @Reference ZhurnalClock clock,
            @Reference DiarySchema schema, @Reference GradebookQuery gradebook, @Reference AccountService accounts, Config config) {
        this.gradebook = gradebook;
        this.accounts = accounts;
        this.jpa = jpa;
        this.diary = diary;
        this.roster = roster;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        DayOfWeek d;
        try {
            d = DayOfWeek.valueOf(config.weekday().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            d = DayOfWeek.FRIDAY;
        }
        readyOn = d;
    }

    /** @return the week whose printouts are due now: this week from the ready weekday on, else the previous one */
    public LocalDate currentWeek() {
        LocalDate today = clock.today();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return today.getDayOfWeek().getValue() >= readyOn.getValue() ? monday : monday.minusWeeks(1);
    }

    public ClassPrintouts list(SchoolClass c, LocalDate anyDay) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, Object[]> handed = handed(c.id(), monday, null);
        List<Recipient> out = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Person s : studentsOf(c, monday)) {
            recipient(s, handed, names).ifPresent(out::add);
        }
        return new ClassPrintouts(c.id(), c.name(), monday, readyFrom(monday), out);
    }

    /** @return the day the printouts of the week starting {@code monday} are ready: its configured weekday */
    LocalDate readyFrom(LocalDate monday) {
        return monday.with(TemporalAdjusters.nextOrSame(readyOn));
    }

    /** 409 when the week's printouts are not ready on {@code today}: nothing can have been handed over yet. */
    static void requireReady(LocalDate monday, LocalDate readyFrom, LocalDate today) {
        if (today.isBefore(readyFrom)) {
            throw ProblemException.conflict("printout-not-ready", Text.of("The printouts of the week of " + monday + " are ready only from "
                    + readyFrom + "; their hand-over cannot be recorded before", "Распечатки за неделю с " + Texts.date(monday)
                    + " будут готовы только " + Texts.date(readyFrom) + ": отметить их выдачу раньше нельзя"));
        }
    }

    /** @return the name of the person whose account has this login (the login itself when there is none), read once per call */
    private String nameOf(String login, Map<String, String> names) {
        return login == null ? null : names.computeIfAbsent(login, l -> accounts.byLogin(l).map(AccountInfo::displayName)
                .filter(n -> !n.isBlank()).orElse(l));
    }

    /** @return the hand-over rows of the class's week (of one student when {@code studentId} is given), by student */
    private Map<String, Object[]> handed(String classId, LocalDate monday, String studentId) {
        Map<String, Object[]> handed = new HashMap<>();
        jpa.tx(TransactionType.Supports, em -> {
            javax.persistence.Query q = em.createNativeQuery("SELECT student_id, handed_at, handed_by FROM zh_d_printout WHERE class_id = ?1 "
                    + "AND week_start = ?2" + (studentId == null ? "" : " AND student_id = ?3")).setParameter(1, classId)
                    .setParameter(2, monday.toString());
            if (studentId != null) {
                q.setParameter(3, studentId);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = q.getResultList();
            rows.forEach(r -> handed.put((String) r[0], r));
        });
        return handed;
    }

    /** @return the student as a printout recipient, if a guardian has no electronic access */
    private Optional<Recipient> recipient(Person s, Map<String, Object[]> handed, Map<String, String> names) {
        List<String> offline = roster.guardiansOf(s.id()).stream().filter(g -> g.guardian().noElectronicAccess())
                .map(g -> g.guardian().fullName() + relation(g)).toList();
        if (offline.isEmpty()) {
            return Optional.empty();
        }
        Object[] h = handed.get(s.id());
        return Optional.of(new Recipient(s.id(), s.lastName() + " " + s.firstName(), offline,
                h == null ? null : Instant.ofEpochMilli(((Number) h[1]).longValue()), h == null ? null : (String) h[2],
                h == null ? null : nameOf((String) h[2], names)));
    }

    private List<Person> studentsOf(SchoolClass c, LocalDate monday) {
        Map<String, Person> students = new java.util.LinkedHashMap<>();
        roster.studentsOfClass(c.id(), monday).forEach(p -> students.put(p.id(), p));
        roster.studentsOfClass(c.id(), monday.plusDays(6)).forEach(p -> students.putIfAbsent(p.id(), p));
        return students.values().stream().sorted(Comparator.comparing(Person::lastName).thenComparing(Person::firstName)).toList();
    }

    private static String relation(Guardianship g) {
        return g.relation() == null ? "" : switch (g.relation()) {
            case "MOTHER" -> " (мать)";
            case "FATHER" -> " (отец)";
            default -> " (" + g.relation().toLowerCase(java.util.Locale.ROOT) + ")";
        };
    }

    /** Records that the student's printout of the week was handed over (idempotent); 409 before the week's printouts are ready. */
    public Recipient handOver(SchoolClass c, String studentId, LocalDate anyDay, String login) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        requireReady(monday, readyFrom(monday), clock.today());
        // Only this student's guardians and hand-over row are read, not the whole class's.
        Map<String, String> names = new HashMap<>();
        Recipient r = studentsOf(c, monday).stream().filter(x -> x.id().equals(studentId)).findFirst()
                .flatMap(x -> recipient(x, handed(c.id(), monday, studentId), names)).orElseThrow(() -> ProblemException.invalid("studentId",
                        Text.of("this student of " + c.name() + " gets no printout (no guardian without electronic access)",
                                "Для этого ученика класса " + c.name() + " распечатка не готовится: все его родители (законные представители) получают дневник в электронном виде")));
        if (r.handedAt() != null) {
            return r;
        }
        Instant now = Instant.ofEpochMilli(clock.now().toEpochMilli()); // as stored
        jpa.tx(TransactionType.Required, em -> {
            em.createNativeQuery("INSERT INTO zh_d_printout (student_id, week_start, class_id, school_id, handed_at, handed_by) "
                    + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, studentId).setParameter(2, monday.toString()).setParameter(3, c.id())
                    .setParameter(4, c.schoolId()).setParameter(5, now.toEpochMilli()).setParameter(6, login).executeUpdate();
            audit.record(c.schoolId(), "diary-printout", studentId + "/" + monday, "hand-over", null,
                    Map.of("studentId", studentId, "week", monday.toString(), "classId", c.id()));
        });
        return new Recipient(r.studentId(), r.studentName(), r.guardians(), now, login, nameOf(login, names));
    }

    /** @return the PDF batch of the classes' printouts for the week (one page per student, a class after another) */
    public byte[] render(List<SchoolClass> classes, LocalDate anyDay) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String school = classes.isEmpty() ? "" : tenants.school(classes.get(0).schoolId()).map(x -> x.shortName()).orElse("");
        PrintDocument doc = new PrintDocument("Еженедельные сводки дневника, неделя с " + Texts.date(monday), PrintDocument.Orientation.PORTRAIT)
                .footer(school + " — сводка электронного дневника для семей без электронного доступа");
        boolean any = false;
        Map<String, Map<String, AbsenceCode>> codes = new HashMap<>(); // the schools' attendance reference books
        for (SchoolClass c : classes) {
            for (Recipient r : list(c, monday).students()) {
                Optional<DiaryWeek> week = diary.week(r.studentId(), monday);
                if (week.isEmpty()) {
                    continue;
                }
                page(doc.newPage(), c, r, week.get(), diary.period(r.studentId(), monday.plusDays(4)),
                        codes.computeIfAbsent(c.schoolId(), id -> Texts.byCode(gradebook.absenceCodes(id))));
                any = true;
            }
        }
        if (!any) {
            doc.heading("Еженедельные сводки дневника").paragraph("На неделю с " + Texts.date(monday) + " по " + Texts.date(monday.plusDays(6))
                    + " сводок нет: в " + (classes.size() == 1 ? "классе " + classes.get(0).name() : "этих классах")
                    + " нет семей без электронного доступа.");
        }
        try {
            return doc.render();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<PrintDocument.Column> WEEK = List.of(new PrintDocument.Column("День", 16), new PrintDocument.Column("Урок", 34),
            new PrintDocument.Column("Тема", 39), new PrintDocument.Column("Оценки", 18), new PrintDocument.Column("Посещаемость", 30),
            new PrintDocument.Column("Домашнее задание", 43));
    private static final String[] WEEKDAYS = {"пн", "вт", "ср", "чт", "пт", "сб", "вс"};

    private static String day(LocalDate d) {
        return WEEKDAYS[d.getDayOfWeek().getValue() - 1] + " " + java.time.format.DateTimeFormatter.ofPattern("dd.MM").format(d);
    }
    private static final List<PrintDocument.Column> PERIOD = List.of(new PrintDocument.Column("Предмет", 45),
            new PrintDocument.Column("Оценки за период", 75), new PrintDocument.Column("Средний балл", 25),
            new PrintDocument.Column("Прогноз / оценка за период", 35));

    private static void page(PrintDocument doc, SchoolClass c, Recipient r, DiaryWeek w, Optional<DiaryPeriod> period,
            Map<String, AbsenceCode> codes) {
        doc.heading("Сводка электронного дневника: " + r.studentName() + ", " + c.name())
                .paragraph("Неделя с " + Texts.date(w.from()) + " по " + Texts.date(w.to()) + ". Для: " + String.join(", ", r.guardians()) + ".");
        List<List<String>> rows = new ArrayList<>();
        for (DiaryDay d : w.days()) {
            if (d.dayOff() != null && d.lessons().isEmpty()) {
                rows.add(List.of(day(d.date()), d.dayOff(), "", "", "", ""));
            }
            for (DiaryLesson l : d.lessons()) {
                String what = l.number() + ". " + l.subject() + ("CANCELLED".equals(l.status()) ? " (отменён)"
                        : "SUBSTITUTED".equals(l.status()) ? " (замена)" : "");
                rows.add(List.of(day(d.date()), what, nz(l.topic()), marks(l.marks()), Texts.absence(l.absence(), codes), nz(l.homework())));
            }
        }
        doc.subheading("Уроки недели").table(WEEK, rows);
        if (period.isPresent()) {
            DiaryPeriod p = period.get();
            List<List<String>> subjects = new ArrayList<>();
            for (DiarySubject s : p.subjects()) {
                subjects.add(List.of(s.subject(), marks(s.marks()), s.average() == null ? "" : avg(s.average()),
                        s.confirmed() != null ? s.confirmed() + " (выставлена)" : s.forecast() != null ? s.forecast() : "—"));
            }
            doc.subheading("Текущие оценки: " + p.periodName()).table(PERIOD, subjects);
        }
        doc.space(6).paragraph("Сводку получил(а): ____________________ / ____________________     Дата: «____» ____________ 20___ г.");
    }

    private static String marks(List<DiaryMark> marks) {
        return marks.stream().map(DiaryMark::value).collect(Collectors.joining(" "));
    }

    private static String avg(BigDecimal a) {
        return a.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
