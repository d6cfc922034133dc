package org.zhurnal.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.DayOff;
import org.zhurnal.calendar.api.DayTransfer;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.calendar.internal.entity.PeriodEntity;
import org.zhurnal.calendar.internal.entity.YearEntity;

/** Read-only calendar for other modules; no authorization (the callers check it). */
@Component(service = CalendarQuery.class)
public class CalendarQueryImpl implements CalendarQuery {
    /** schoolDays answers at most this many days at once (a little more than a year). */
    static final int MAX_RANGE_DAYS = 400;

    private final JpaTemplate jpa;
    private final SchoolYears years;

    @Activate
    public CalendarQueryImpl(@Reference(target = "(osgi.unit.name=zhurnal-calendar)") JpaTemplate jpa, @Reference CalendarSchema schema,
            @Reference SchoolYears years) {
        this.jpa = jpa;
        this.years = years;
    }

    /** The school's years with their days off and transfers (reused, see {@link SchoolYears}). */
    private List<SchoolYears.YearDays> yearDays(String schoolId) {
        return years.of(schoolId, () -> jpa.txExpr(TransactionType.Supports, em -> Mapping.years(em, schoolId).stream()
                .map(y -> new SchoolYears.YearDays(Mapping.toDTO(y), daysOff(em, y), transfers(em, y),
                        Mapping.periods(em, y.getId()).stream().map(Mapping::toDTO).toList())).toList()));
    }

    @Override
    public Optional<AcademicYear> year(String schoolId, int year) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(Mapping.year(em, schoolId, year)).map(Mapping::toDTO));
    }

    @Override
    public Optional<AcademicYear> yearOf(String schoolId, LocalDate date) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(Mapping.yearOf(em, schoolId, date)).map(Mapping::toDTO));
    }

    @Override
    public List<ReportingPeriod> periods(String schoolId, int year, int grade) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            YearEntity y = Mapping.year(em, schoolId, year);
            return y == null ? List.<ReportingPeriod>of() : periodsOfGrade(em, y, grade);
        });
    }

    private static List<ReportingPeriod> periodsOfGrade(EntityManager em, YearEntity y, int grade) {
        return Mapping.periods(em, y.getId()).stream().map(Mapping::toDTO).filter(p -> p.grades().contains(grade)).toList();
    }

    @Override
    public Optional<ReportingPeriod> periodOf(String schoolId, int grade, LocalDate date) {
        // Every journal entry asks this: the reused years say which period it is, one read by key gives it as it is
        // now (its state above all). Should the stored period no longer fit (another node changed it within the
        // reuse time), the years and periods are read from the database.
        ReportingPeriod known = null;
        for (SchoolYears.YearDays y : yearDays(schoolId)) {
            if (!date.isBefore(y.year().start()) && !date.isAfter(y.year().end())) {
                known = y.periods().stream().filter(p -> p.grades().contains(grade) && p.contains(date)).findFirst().orElse(null);
            }
        }
        if (known != null) {
            String id = known.id();
            Optional<ReportingPeriod> now = jpa.txExpr(TransactionType.Supports,
                    em -> Optional.ofNullable(em.find(PeriodEntity.class, id)).map(Mapping::toDTO));
            if (now.isPresent() && now.get().grades().contains(grade) && now.get().contains(date)) {
                return now;
            }
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            YearEntity y = Mapping.yearOf(em, schoolId, date);
            return y == null ? Optional.<ReportingPeriod>empty()
                    : periodsOfGrade(em, y, grade).stream().filter(p -> p.contains(date)).findFirst();
        });
    }

    @Override
    public Optional<DayOfWeek> timetableDay(String schoolId, int grade, LocalDate date) {
        for (SchoolYears.YearDays y : yearDays(schoolId)) {
            if (!date.isBefore(y.year().start()) && !date.isAfter(y.year().end())) {
                return CalendarRules.timetableDay(y.year(), y.daysOff(), y.transfers(), grade, date);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<LocalDate> schoolDays(String schoolId, int grade, LocalDate from, LocalDate to) {
        return new ArrayList<>(timetableDays(schoolId, grade, from, to).keySet());
    }

    @Override
    public SortedMap<LocalDate, DayOfWeek> timetableDays(String schoolId, int grade, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            return Collections.unmodifiableSortedMap(new TreeMap<>());
        }
        if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("At most " + MAX_RANGE_DAYS + " days at once");
        }
        SortedMap<LocalDate, DayOfWeek> days = new TreeMap<>();
        for (SchoolYears.YearDays y : yearDays(schoolId)) {
            if (CalendarRules.overlap(y.year().start(), y.year().end(), from, to)) {
                days.putAll(CalendarRules.timetableDays(y.year(), y.daysOff(), y.transfers(), grade, from, to));
            }
        }
        return Collections.unmodifiableSortedMap(days);
    }

    @Override
    public List<DayOff> daysOff(String schoolId, int grade, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            return List.of();
        }
        List<DayOff> found = new ArrayList<>();
        for (SchoolYears.YearDays y : yearDays(schoolId)) {
            for (DayOff d : y.daysOff()) {
                if (CalendarRules.overlap(d.start(), d.end(), from, to) && (d.grades().isEmpty() || d.grades().contains(grade))) {
                    found.add(d);
                }
            }
        }
        found.sort(java.util.Comparator.comparing(DayOff::start));
        return List.copyOf(found);
    }

    @Override
    public Optional<ReportingPeriod> period(String periodId) {
        if (periodId == null) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(PeriodEntity.class, periodId)).map(Mapping::toDTO));
    }

    @Override
    public boolean isClosed(String periodId) {
        if (periodId == null) {
            return false;
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            PeriodEntity p = em.find(PeriodEntity.class, periodId);
            return p != null && ReportingPeriod.CLOSED.equals(p.getPeriodState());
        });
    }

    private static List<DayOff> daysOff(EntityManager em, YearEntity y) {
        return Mapping.daysOff(em, y.getId()).stream().map(Mapping::toDTO).toList();
    }

    private static List<DayTransfer> transfers(EntityManager em, YearEntity y) {
        return Mapping.transfers(em, y.getId()).stream().map(Mapping::toDTO).toList();
    }
}
