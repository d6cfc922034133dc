package org.zhurnal.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.DayOff;
import org.zhurnal.calendar.api.DayTransfer;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.calendar.api.YearCalendar;
import org.zhurnal.calendar.internal.CalendarRules.Span;
import org.zhurnal.calendar.internal.entity.DayOffEntity;
import org.zhurnal.calendar.internal.entity.PeriodEntity;
import org.zhurnal.calendar.internal.entity.TransferEntity;
import org.zhurnal.calendar.internal.entity.YearEntity;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.event.DomainEvents;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.roster.api.AcademicYears;

/**
 * The calendar's operations, each checked against the caller's scope: reads need any relation to the
 * school, writes ADMINISTER on it, reopening a closed period a deputy director. Every write is audited.
 */
@Component(service = CalendarServiceImpl.class)
public class CalendarServiceImpl {
    static final String PERIOD_CLOSED = "calendar.period.closed";
    static final String PERIOD_REOPENED = "calendar.period.reopened";

    /** Body of a new academic year. */
    public record NewYear(Integer year, LocalDate start, LocalDate end, Integer workingDays) {}

    /** One period given explicitly. */
    public record PeriodInput(String name, LocalDate start, LocalDate end) {}

    /** Body of new reporting periods: a scheme for some grades, with explicit periods or the standard ones. */
    public record NewPeriods(String scheme, List<Integer> grades, List<PeriodInput> periods) {}

    /** Body of a new holiday or vacation. */
    public record NewDayOff(String kind, String name, LocalDate start, LocalDate end, List<Integer> grades) {}

    /** Body of a moved day. */
    public record NewTransfer(LocalDate date, Boolean working, DayOfWeek timetableOf) {}

    /** Body of a reopening. */
    public record Reopen(String reason) {}

    /** Body of a period's correction: its dates (and, optionally, its name). */
    public record PeriodChange(String name, LocalDate start, LocalDate end) {}

    /** What the audit log keeps of a reopening. */
    public record Reopened(ReportingPeriod period, String reason) {}

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final DomainEvents events;
    private final SchoolAccess access;
    private final SchoolYears years;

    @Activate
    public CalendarServiceImpl(@Reference(target = "(osgi.unit.name=zhurnal-calendar)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference DomainEvents events, @Reference SchoolAccess access, @Reference CalendarSchema schema,
            @Reference SchoolYears years) {
        this.years = years;
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.access = access;
    }

    /** Every write of the calendar: the reused years ({@link SchoolYears}) are forgotten once its transaction has ended. */
    private <R> R write(EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work);
        } finally {
            years.evictAll();
        }
    }

    private void writeVoid(EmConsumer work) {
        try {
            jpa.tx(TransactionType.Required, work);
        } finally {
            years.evictAll();
        }
    }

    private static ZhurnalPrincipal caller() {
        return CallContext.requirePrincipal();
    }

    public AcademicYear createYear(String schoolId, NewYear n) {
        ZhurnalPrincipal p = caller();
        access.require(p, schoolId, Action.ADMINISTER);
        if (n == null) {
            throw ProblemException.invalid("body", Text.of("A JSON body is required", "Не переданы данные запроса"));
        }
        List<Violation> v = new ArrayList<>();
        if (n.year() == null || n.year() < AcademicYears.FIRST || n.year() > AcademicYears.LAST) {
            v.add(new Violation("year", AcademicYears.problem("year", clock.today())));
        }
        if (n.start() == null) {
            v.add(new Violation("start", Text.of("start is required", "Укажите дату начала учебного года")));
        }
        if (n.end() == null) {
            v.add(new Violation("end", Text.of("end is required", "Укажите дату окончания учебного года")));
        }
        if (v.isEmpty()) {
            LocalDate min = LocalDate.of(n.year(), 9, 1);
            LocalDate max = LocalDate.of(n.year() + 1, 8, 31);
            if (n.start().isBefore(min) || n.start().isAfter(max)) {
                v.add(new Violation("start", Text.of("start lies between " + min + " and " + max, "Учебный год " + n.year() + "/" + (n.year() + 1)
                        + " начинается не раньше " + Text.date(min) + " и не позже " + Text.date(max))));
            }
            if (n.end().isBefore(min) || n.end().isAfter(max)) {
                v.add(new Violation("end", Text.of("end lies between " + min + " and " + max, "Учебный год " + n.year() + "/" + (n.year() + 1)
                        + " заканчивается не раньше " + Text.date(min) + " и не позже " + Text.date(max))));
            } else if (!n.start().isBefore(n.end())) {
                v.add(new Violation("end", Text.of("end comes after start", "Дата окончания учебного года должна быть позже даты начала")));
            }
        }
        if (n.workingDays() == null || (n.workingDays() != 5 && n.workingDays() != 6)) {
            v.add(new Violation("workingDays", Text.of("workingDays is 5 or 6", "Учебная неделя — пятидневная или шестидневная")));
        }
        if (!v.isEmpty()) {
            throw ProblemException.invalid(Text.firstOf(v), v);
        }
        return write( em -> {
            if (Mapping.year(em, schoolId, n.year()) != null) {
                throw ProblemException.conflict("year-exists", Text.of("The academic year " + n.year() + "/" + (n.year() + 1) + " already exists",
                        "Учебный год " + n.year() + "/" + (n.year() + 1) + " уже создан"));
            }
            long now = clock.now().toEpochMilli();
            YearEntity y = new YearEntity();
            y.setId(UUID.randomUUID().toString());
            y.setSchoolId(schoolId);
            y.setAcademicYear(n.year());
            y.setStartDate(n.start().toString());
            y.setEndDate(n.end().toString());
            y.setWorkingDays(n.workingDays());
            y.setCreatedAt(now);
            y.setUpdatedAt(now);
            em.persist(y);
            AcademicYear dto = Mapping.toDTO(y);
            audit.record(schoolId, "academic-year", y.getId(), "create", null, dto);
            return dto;
        });
    }

    public List<AcademicYear> years(String schoolId) {
        access.require(caller(), schoolId, Action.READ);
        return jpa.txExpr(TransactionType.Supports, em -> Mapping.years(em, schoolId).stream().map(Mapping::toDTO).toList());
    }

    public YearCalendar calendar(String schoolId, int year) {
        access.require(caller(), schoolId, Action.READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            YearEntity y = Mapping.year(em, schoolId, year);
            if (y == null) {
                throw ProblemException.notFound("Academic year", Integer.toString(year));
            }
            return Mapping.calendar(em, y);
        });
    }

    /** Loads a year and checks that the caller may administer its school (404 when it may not see it). */
    private YearEntity adminYear(EntityManager em, ZhurnalPrincipal p, String yearId) {
        YearEntity y = yearId == null ? null : em.find(YearEntity.class, yearId);
        if (y == null || !access.mayRead(p, y.getSchoolId())) {
            throw ProblemException.notFound("Academic year", yearId);
        }
        access.require(p, y.getSchoolId(), Action.ADMINISTER);
        return y;
    }

    private static void checkGrades(List<Integer> grades, boolean required, List<Violation> v) {
        if (grades == null || grades.isEmpty()) {
            if (required) {
                v.add(new Violation("grades", Text.of("grades lists at least one grade (1–11)", "Укажите хотя бы одну параллель (от 1 до 11)")));
            }
            return;
        }
        for (int i = 0; i < grades.size(); i++) {
            Integer g = grades.get(i);
            if (g == null || g < 1 || g > 11) {
                v.add(new Violation("grades[" + i + "]", Text.of("A grade is 1 to 11", "Параллель — число от 1 до 11")));
            }
        }
    }

    public List<ReportingPeriod> addPeriods(String yearId, NewPeriods n) {
        ZhurnalPrincipal p = caller();
        return write( em -> {
            YearEntity y = adminYear(em, p, yearId);
            AcademicYear year = Mapping.toDTO(y);
            if (n == null) {
                throw ProblemException.invalid("body", Text.of("A JSON body is required", "Не переданы данные запроса"));
            }
            List<Violation> v = new ArrayList<>();
            String scheme = n.scheme() == null ? null : n.scheme().toUpperCase(Locale.ROOT);
            if (scheme == null || !CalendarRules.SCHEMES.contains(scheme)) {
                v.add(new Violation("scheme", Text.of("scheme is one of " + CalendarRules.SCHEMES,
                        "Выберите схему: четверти, полугодия, триместры или произвольные периоды")));
            }
            checkGrades(n.grades(), true, v);
            List<Span> spans = new ArrayList<>();
            if (n.periods() != null && !n.periods().isEmpty()) {
                for (int i = 0; i < n.periods().size(); i++) {
                    PeriodInput pi = n.periods().get(i);
                    String f = "periods[" + i + "]";
                    if (pi == null) {
                        v.add(new Violation(f, Text.of("A period is required", "Период №" + (i + 1) + " не задан")));
                        continue;
                    }
                    String who = "Период " + period(i, pi.name());
                    if (pi.name() == null || pi.name().isBlank() || pi.name().length() > 100) {
                        v.add(new Violation(f + ".name", Text.of("name is required (at most 100 characters)",
                                "Период №" + (i + 1) + ": укажите название (не длиннее 100 символов)")));
                    }
                    if (pi.start() == null || !year.contains(pi.start())) {
                        v.add(new Violation(f + ".start", Text.of("start lies within the academic year " + year.start() + " – " + year.end(),
                                who + ": дата начала должна быть в пределах учебного года (" + Messages.dates(year.start(), year.end()) + ")")));
                    }
                    if (pi.end() == null || !year.contains(pi.end())) {
                        v.add(new Violation(f + ".end", Text.of("end lies within the academic year " + year.start() + " – " + year.end(),
                                who + ": дата окончания должна быть в пределах учебного года (" + Messages.dates(year.start(), year.end()) + ")")));
                    } else if (pi.start() != null && pi.end().isBefore(pi.start())) {
                        v.add(new Violation(f + ".end", Text.of("end is not before start", who + ": дата окончания не может быть раньше даты начала")));
                    }
                    if (pi.start() != null && pi.end() != null && !pi.end().isBefore(pi.start())) {
                        for (int j = 0; j < spans.size(); j++) {
                            Span o = spans.get(j);
                            if (o != null && CalendarRules.overlap(o.start(), o.end(), pi.start(), pi.end())) {
                                v.add(new Violation(f + ".start", Text.of("periods[" + j + "] and " + f + " overlap", who + " пересекается с периодом "
                                        + period(j, o.name()))));
                            }
                        }
                        spans.add(new Span(pi.name() == null ? "" : pi.name().strip(), pi.start(), pi.end()));
                    } else {
                        spans.add(null);
                    }
                }
            } else if ("CUSTOM".equals(scheme)) {
                v.add(new Violation("periods", Text.of("A CUSTOM scheme lists its periods", "Для произвольной схемы перечислите периоды")));
            } else if (scheme != null && CalendarRules.SCHEMES.contains(scheme)) {
                spans.addAll(CalendarRules.standardPeriods(scheme, year));
                if (spans.isEmpty()) {
                    v.add(new Violation("scheme", Text.of("The academic year is too short for " + scheme,
                            "Учебный год слишком короткий, чтобы разделить его на " + Messages.scheme(scheme))));
                }
            }
            if (!v.isEmpty()) {
                throw ProblemException.invalid(Text.firstOf(v), v);
            }
            List<Integer> grades = CalendarRules.parseGrades(CalendarRules.formatGrades(n.grades()));
            List<PeriodEntity> existing = Mapping.periods(em, y.getId());
            for (int grade : grades) {
                for (PeriodEntity e : existing) {
                    if (!CalendarRules.parseGrades(e.getGrades()).contains(grade)) {
                        continue;
                    }
                    LocalDate es = LocalDate.parse(e.getStartDate());
                    LocalDate ee = LocalDate.parse(e.getEndDate());
                    boolean clash = !e.getScheme().equals(scheme) || spans.stream().anyMatch(s -> CalendarRules.overlap(es, ee, s.start(), s.end()));
                    if (clash) {
                        throw ProblemException.conflict("period-conflict", Text.of("Grade " + grade + " already has the period «" + e.getName()
                                + "» (" + e.getId() + ", " + es + " – " + ee + ", " + e.getScheme() + ")", "У " + grade + "-х классов уже есть период «"
                                + e.getName() + "» (" + Messages.dates(es, ee) + ", схема: " + Messages.scheme(e.getScheme()) + ")"));
                    }
                }
            }
            long now = clock.now().toEpochMilli();
            List<ReportingPeriod> created = new ArrayList<>();
            for (int i = 0; i < spans.size(); i++) {
                Span s = spans.get(i);
                PeriodEntity e = new PeriodEntity();
                e.setId(UUID.randomUUID().toString());
                e.setYearId(y.getId());
                e.setSchoolId(y.getSchoolId());
                e.setScheme(scheme);
                e.setPeriodNo(i + 1);
                e.setName(s.name());
                e.setStartDate(s.start().toString());
                e.setEndDate(s.end().toString());
                e.setGrades(CalendarRules.formatGrades(grades));
                e.setPeriodState(ReportingPeriod.OPEN);
                e.setCreatedAt(now);
                em.persist(e);
                ReportingPeriod dto = Mapping.toDTO(e);
                audit.record(y.getSchoolId(), "reporting-period", e.getId(), "create", null, dto);
                created.add(dto);
            }
            return created;
        });
    }

    public DayOff addDayOff(String yearId, NewDayOff n) {
        ZhurnalPrincipal p = caller();
        return write( em -> {
            YearEntity y = adminYear(em, p, yearId);
            AcademicYear year = Mapping.toDTO(y);
            if (n == null) {
                throw ProblemException.invalid("body", Text.of("A JSON body is required", "Не переданы данные запроса"));
            }
            List<Violation> v = new ArrayList<>();
            String kind = n.kind() == null ? null : n.kind().toUpperCase(Locale.ROOT);
            if (kind == null || !CalendarRules.DAY_OFF_KINDS.contains(kind)) {
                v.add(new Violation("kind", Text.of("kind is HOLIDAY or VACATION", "Выберите вид: праздник или каникулы")));
            }
            if (n.name() == null || n.name().isBlank() || n.name().length() > 200) {
                v.add(new Violation("name", Text.of("name is required (at most 200 characters)", "Укажите название (не длиннее 200 символов)")));
            }
            if (n.start() == null || !year.contains(n.start())) {
                v.add(new Violation("start", Text.of("start lies within the academic year " + year.start() + " – " + year.end(),
                        "Дата начала должна быть в пределах учебного года (" + Messages.dates(year.start(), year.end()) + ")")));
            }
            if (n.end() == null || !year.contains(n.end())) {
                v.add(new Violation("end", Text.of("end lies within the academic year " + year.start() + " – " + year.end(),
                        "Дата окончания должна быть в пределах учебного года (" + Messages.dates(year.start(), year.end()) + ")")));
            } else if (n.start() != null && n.end().isBefore(n.start())) {
                v.add(new Violation("end", Text.of("end is not before start", "Дата окончания не может быть раньше даты начала")));
            }
            checkGrades(n.grades(), false, v);
            if (!v.isEmpty()) {
                throw ProblemException.invalid(Text.firstOf(v), v);
            }
            DayOffEntity d = new DayOffEntity();
            d.setId(UUID.randomUUID().toString());
            d.setYearId(y.getId());
            d.setSchoolId(y.getSchoolId());
            d.setKind(kind);
            d.setName(n.name().strip());
            d.setStartDate(n.start().toString());
            d.setEndDate(n.end().toString());
            d.setGrades(CalendarRules.formatGrades(n.grades()));
            d.setCreatedAt(clock.now().toEpochMilli());
            em.persist(d);
            DayOff dto = Mapping.toDTO(d);
            audit.record(y.getSchoolId(), "day-off", d.getId(), "create", null, dto);
            return dto;
        });
    }

    public void deleteDayOff(String id) {
        ZhurnalPrincipal p = caller();
        writeVoid( em -> {
            DayOffEntity d = id == null ? null : em.find(DayOffEntity.class, id);
            if (d == null || !access.mayRead(p, d.getSchoolId())) {
                throw ProblemException.notFound("Day off", id);
            }
            access.require(p, d.getSchoolId(), Action.ADMINISTER);
            DayOff before = Mapping.toDTO(d);
            em.remove(d);
            audit.record(d.getSchoolId(), "day-off", id, "delete", before, null);
        });
    }

    public DayTransfer addTransfer(String yearId, NewTransfer n) {
        ZhurnalPrincipal p = caller();
        return write( em -> {
            YearEntity y = adminYear(em, p, yearId);
            AcademicYear year = Mapping.toDTO(y);
            if (n == null) {
                throw ProblemException.invalid("body", Text.of("A JSON body is required", "Не переданы данные запроса"));
            }
            List<Violation> v = new ArrayList<>();
            if (n.date() == null || !year.contains(n.date())) {
                v.add(new Violation("date", Text.of("date lies within the academic year " + year.start() + " – " + year.end(),
                        "Дата должна быть в пределах учебного года (" + Messages.dates(year.start(), year.end()) + ")")));
            }
            if (n.working() == null) {
                v.add(new Violation("working", Text.of("working is true (lessons on that day) or false",
                        "Укажите, рабочий это день (с уроками) или выходной")));
            } else if (n.working() && (n.timetableOf() == null || n.timetableOf() == DayOfWeek.SUNDAY)) {
                v.add(new Violation("timetableOf", Text.of("A working day follows the timetable of a weekday from MONDAY to SATURDAY",
                        "Выберите, по расписанию какого дня (с понедельника по субботу) идут уроки в этот рабочий день")));
            } else if (!n.working() && n.timetableOf() != null) {
                v.add(new Violation("timetableOf", Text.of("A free day has no timetable", "У выходного дня нет расписания уроков")));
            }
            if (!v.isEmpty()) {
                throw ProblemException.invalid(Text.firstOf(v), v);
            }
            if (Mapping.transfers(em, y.getId()).stream().anyMatch(t -> t.getTransferDate().equals(n.date().toString()))) {
                throw ProblemException.conflict("transfer-exists", Text.of(n.date() + " is already transferred",
                        "День " + Text.date(n.date()) + " уже перенесён"));
            }
            TransferEntity t = new TransferEntity();
            t.setId(UUID.randomUUID().toString());
            t.setYearId(y.getId());
            t.setSchoolId(y.getSchoolId());
            t.setTransferDate(n.date().toString());
            t.setWorking(n.working());
            t.setTimetableOf(n.timetableOf() == null ? null : n.timetableOf().name());
            t.setCreatedAt(clock.now().toEpochMilli());
            em.persist(t);
            DayTransfer dto = Mapping.toDTO(t);
            audit.record(y.getSchoolId(), "day-transfer", t.getId(), "create", null, dto);
            return dto;
        });
    }

    public void deleteTransfer(String id) {
        ZhurnalPrincipal p = caller();
        writeVoid( em -> {
            TransferEntity t = id == null ? null : em.find(TransferEntity.class, id);
            if (t == null || !access.mayRead(p, t.getSchoolId())) {
                throw ProblemException.notFound("Transfer", id);
            }
            access.require(p, t.getSchoolId(), Action.ADMINISTER);
            DayTransfer before = Mapping.toDTO(t);
            em.remove(t);
            audit.record(t.getSchoolId(), "day-transfer", id, "delete", before, null);
        });
    }

    private PeriodEntity readablePeriod(EntityManager em, ZhurnalPrincipal p, String periodId) {
        PeriodEntity e = periodId == null ? null : em.find(PeriodEntity.class, periodId);
        if (e == null || !access.mayRead(p, e.getSchoolId())) {
            throw ProblemException.notFound("Reporting period", periodId);
        }
        return e;
    }

    /**
     * Corrects an open period's dates (the school's own quarter boundaries, which the generated ones only approximate) and
     * optionally its name. The period stays within its year, keeps at least one day and meets no other period of one of its
     * grades (409 naming it); a closed period is not changed (409). ADMINISTER on the school; audited. Marks belong to a
     * period by their lesson's date, so moving a boundary moves marks between periods: a grade confirmed already is the
     * teachers' to check.
     */
    public ReportingPeriod change(String periodId, PeriodChange body) {
        ZhurnalPrincipal p = caller();
        return write( em -> {
            PeriodEntity e = readablePeriod(em, p, periodId);
            access.require(p, e.getSchoolId(), Action.ADMINISTER);
            List<Violation> v = new ArrayList<>();
            if (body == null || body.start() == null) {
                v.add(new Violation("start", Text.of("start is required (yyyy-MM-dd)", "Укажите дату начала периода")));
            }
            if (body == null || body.end() == null) {
                v.add(new Violation("end", Text.of("end is required (yyyy-MM-dd)", "Укажите дату окончания периода")));
            }
            if (body != null && body.name() != null && (body.name().isBlank() || body.name().length() > 100)) {
                v.add(new Violation("name", Text.of("name is 1 to 100 characters", "Название периода — от 1 до 100 символов")));
            }
            if (v.isEmpty() && body.end().isBefore(body.start())) {
                v.add(new Violation("end", Text.of("end is before start", "Окончание периода раньше его начала")));
            }
            YearEntity y = em.find(YearEntity.class, e.getYearId());
            LocalDate ys = LocalDate.parse(y.getStartDate());
            LocalDate ye = LocalDate.parse(y.getEndDate());
            if (v.isEmpty() && (body.start().isBefore(ys) || body.end().isAfter(ye))) {
                v.add(new Violation(body.start().isBefore(ys) ? "start" : "end", Text.of("The period lies within its academic year, " + ys + " – " + ye,
                        "Период должен лежать в пределах учебного года: " + Messages.dates(ys, ye))));
            }
            if (!v.isEmpty()) {
                throw ProblemException.invalid(Text.firstOf(v), v);
            }
            if (ReportingPeriod.CLOSED.equals(e.getPeriodState())) {
                throw ProblemException.conflict("period-closed", Text.of("The period «" + e.getName() + "» is closed; reopen it to change its dates",
                        "Период «" + e.getName() + "» закрыт: чтобы изменить его даты, сначала откройте его"));
            }
            List<Integer> grades = CalendarRules.parseGrades(e.getGrades());
            for (PeriodEntity o : Mapping.periods(em, e.getYearId())) {
                if (o.getId().equals(e.getId()) || CalendarRules.parseGrades(o.getGrades()).stream().noneMatch(grades::contains)) {
                    continue;
                }
                LocalDate os = LocalDate.parse(o.getStartDate());
                LocalDate oe = LocalDate.parse(o.getEndDate());
                if (CalendarRules.overlap(os, oe, body.start(), body.end())) {
                    throw ProblemException.conflict("period-conflict", Text.of("The dates meet the period «" + o.getName() + "» (" + os + " – " + oe
                            + ") of the same grades", "Даты пересекаются с периодом «" + o.getName() + "» (" + Messages.dates(os, oe)
                            + ") тех же классов"));
                }
            }
            ReportingPeriod before = Mapping.toDTO(e);
            if (body.name() != null) {
                e.setName(body.name().strip());
            }
            e.setStartDate(body.start().toString());
            e.setEndDate(body.end().toString());
            ReportingPeriod after = Mapping.toDTO(e);
            audit.record(e.getSchoolId(), "reporting-period", e.getId(), "update", before, after);
            return after;
        });
    }

    /** The modules that record things per reporting period (the gradebook's period grades), asked before a period is deleted. */
    @org.osgi.service.component.annotations.Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile List<org.zhurnal.calendar.api.PeriodRecordsCheck> recordChecks = List.of();

    /**
     * Deletes a reporting period made by mistake (quarters for grades that study by half-years, a scheme added twice).
     * A closed period is not deleted (409 {@code period-closed}); nor one with grades given for it (409
     * {@code period-has-grades}, naming them, from every {@link org.zhurnal.calendar.api.PeriodRecordsCheck}): they would
     * belong to no period. Audited. ADMINISTER on the school.
     */
    public void deletePeriod(String periodId) {
        ZhurnalPrincipal p = caller();
        writeVoid(em -> {
            PeriodEntity e = readablePeriod(em, p, periodId);
            access.require(p, e.getSchoolId(), Action.ADMINISTER);
            if (ReportingPeriod.CLOSED.equals(e.getPeriodState())) {
                throw ProblemException.conflict("period-closed", Text.of("The period «" + e.getName() + "» is closed; a closed period is not "
                        + "deleted", "Период «" + e.getName() + "» закрыт: закрытый период не удаляется"));
            }
            List<String> en = new ArrayList<>();
            List<String> ru = new ArrayList<>();
            for (org.zhurnal.calendar.api.PeriodRecordsCheck check : recordChecks) {
                for (Text t : check.recordedFor(e.getId())) {
                    en.add(t.en());
                    ru.add(t.ru());
                }
            }
            if (!en.isEmpty()) {
                throw ProblemException.conflict("period-has-grades", Text.of("The period «" + e.getName() + "» has " + String.join("; ", en)
                        + "; they would belong to no period — it is not deleted", "За период «" + e.getName() + "» уже выставлены "
                        + String.join("; ", ru) + ": без периода они остались бы ничьими, поэтому период не удаляется"));
            }
            ReportingPeriod before = Mapping.toDTO(e);
            em.remove(e);
            audit.record(e.getSchoolId(), "reporting-period", e.getId(), "delete", before, null);
        });
    }

    /** Closes a period: no more changes of its marks. ADMINISTER on the school. */
    public ReportingPeriod close(String periodId) {
        ZhurnalPrincipal p = caller();
        return write( em -> {
            PeriodEntity e = readablePeriod(em, p, periodId);
            access.require(p, e.getSchoolId(), Action.ADMINISTER);
            if (ReportingPeriod.CLOSED.equals(e.getPeriodState())) {
                throw ProblemException.conflict("period-closed", Text.of("The period «" + e.getName() + "» is already closed",
                        "Период «" + e.getName() + "» уже закрыт"));
            }
            ReportingPeriod before = Mapping.toDTO(e);
            e.setPeriodState(ReportingPeriod.CLOSED);
            e.setClosedAt(clock.now().toEpochMilli());
            e.setClosedBy(p.login());
            ReportingPeriod after = Mapping.toDTO(e);
            audit.record(e.getSchoolId(), "reporting-period", e.getId(), "close", before, after);
            events.publish(PERIOD_CLOSED, e.getSchoolId(), payload(after, e.getSchoolId(), null));
            return after;
        });
    }

    /** Reopens a closed period: a deputy director of the school, with a reason. */
    public ReportingPeriod reopen(String periodId, Reopen body) {
        ZhurnalPrincipal p = caller();
        return write( em -> {
            PeriodEntity e = readablePeriod(em, p, periodId);
            access.require(p, e.getSchoolId(), Action.ADMINISTER);
            access.requireDeputy(p, e.getSchoolId());
            if (body == null || body.reason() == null || body.reason().isBlank()) {
                throw ProblemException.invalid("reason", Text.of("A reason is required to reopen a closed period",
                        "Чтобы открыть закрытый период, укажите причину"));
            }
            if (body.reason().length() > 1000) {
                throw ProblemException.invalid("reason", Text.of("reason has at most 1000 characters", "Причина — не длиннее 1000 символов"));
            }
            if (!ReportingPeriod.CLOSED.equals(e.getPeriodState())) {
                throw ProblemException.conflict("period-open", Text.of("The period «" + e.getName() + "» is not closed",
                        "Период «" + e.getName() + "» не закрыт"));
            }
            ReportingPeriod before = Mapping.toDTO(e);
            e.setPeriodState(ReportingPeriod.OPEN);
            e.setClosedAt(null);
            e.setClosedBy(null);
            ReportingPeriod after = Mapping.toDTO(e);
            String reason = body.reason().strip();
            audit.record(e.getSchoolId(), "reporting-period", e.getId(), "reopen", before, new Reopened(after, reason));
            events.publish(PERIOD_REOPENED, e.getSchoolId(), payload(after, e.getSchoolId(), reason));
            return after;
        });
    }

    /** A period named in a Russian problem: «1 четверть» by its name when it has one, else №2 by its place in the request. */
    private static String period(int index, String name) {
        return name == null || name.isBlank() || name.length() > 100 ? "№" + (index + 1) : "«" + name.strip() + "»";
    }

    private static Map<String, Object> payload(ReportingPeriod period, String schoolId, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("periodId", period.id());
        m.put("schoolId", schoolId);
        m.put("grades", period.grades());
        m.put("reason", reason);
        return m;
    }
}
