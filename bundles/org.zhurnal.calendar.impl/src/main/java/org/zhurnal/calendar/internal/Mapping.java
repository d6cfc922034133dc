package org.zhurnal.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;

import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.DayOff;
import org.zhurnal.calendar.api.DayTransfer;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.calendar.api.YearCalendar;
import org.zhurnal.calendar.internal.entity.DayOffEntity;
import org.zhurnal.calendar.internal.entity.PeriodEntity;
import org.zhurnal.calendar.internal.entity.TransferEntity;
import org.zhurnal.calendar.internal.entity.YearEntity;

/** Entities to DTOs, and the queries shared by the service and the query component. */
final class Mapping {
    private Mapping() {}

    static AcademicYear toDTO(YearEntity y) {
        return new AcademicYear(y.getId(), y.getSchoolId(), y.getAcademicYear(), LocalDate.parse(y.getStartDate()),
                LocalDate.parse(y.getEndDate()), y.getWorkingDays());
    }

    static ReportingPeriod toDTO(PeriodEntity p) {
        return new ReportingPeriod(p.getId(), p.getYearId(), p.getScheme(), p.getPeriodNo(), p.getName(), LocalDate.parse(p.getStartDate()),
                LocalDate.parse(p.getEndDate()), CalendarRules.parseGrades(p.getGrades()), p.getPeriodState());
    }

    static DayOff toDTO(DayOffEntity d) {
        return new DayOff(d.getId(), d.getYearId(), d.getKind(), d.getName(), LocalDate.parse(d.getStartDate()),
                LocalDate.parse(d.getEndDate()), CalendarRules.parseGrades(d.getGrades()));
    }

    static DayTransfer toDTO(TransferEntity t) {
        return new DayTransfer(t.getId(), t.getYearId(), LocalDate.parse(t.getTransferDate()), t.isWorking(),
                t.getTimetableOf() == null ? null : DayOfWeek.valueOf(t.getTimetableOf()));
    }

    static List<YearEntity> years(EntityManager em, String schoolId) {
        return em.createQuery("select y from YearEntity y where y.schoolId = :s order by y.academicYear", YearEntity.class)
                .setParameter("s", schoolId).getResultList();
    }

    static YearEntity year(EntityManager em, String schoolId, int year) {
        return em.createQuery("select y from YearEntity y where y.schoolId = :s and y.academicYear = :y", YearEntity.class)
                .setParameter("s", schoolId).setParameter("y", year).getResultList().stream().findFirst().orElse(null);
    }

    static YearEntity yearOf(EntityManager em, String schoolId, LocalDate date) {
        String d = date.toString();
        return em.createQuery("select y from YearEntity y where y.schoolId = :s and y.startDate <= :d and y.endDate >= :d",
                YearEntity.class).setParameter("s", schoolId).setParameter("d", d).getResultList().stream().findFirst().orElse(null);
    }

    static List<PeriodEntity> periods(EntityManager em, String yearId) {
        return em.createQuery("select p from PeriodEntity p where p.yearId = :y order by p.startDate, p.periodNo", PeriodEntity.class)
                .setParameter("y", yearId).getResultList();
    }

    static List<DayOffEntity> daysOff(EntityManager em, String yearId) {
        return em.createQuery("select d from DayOffEntity d where d.yearId = :y order by d.startDate", DayOffEntity.class)
                .setParameter("y", yearId).getResultList();
    }

    static List<TransferEntity> transfers(EntityManager em, String yearId) {
        return em.createQuery("select t from TransferEntity t where t.yearId = :y order by t.transferDate", TransferEntity.class)
                .setParameter("y", yearId).getResultList();
    }

    static YearCalendar calendar(EntityManager em, YearEntity y) {
        return new YearCalendar(toDTO(y), periods(em, y.getId()).stream().map(Mapping::toDTO).toList(),
                daysOff(em, y.getId()).stream().map(Mapping::toDTO).toList(),
                transfers(em, y.getId()).stream().map(Mapping::toDTO).toList());
    }
}
