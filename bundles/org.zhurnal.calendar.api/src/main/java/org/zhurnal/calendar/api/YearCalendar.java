package org.zhurnal.calendar.api;

import java.util.List;

/**
 * An academic year with everything that defines its school days.
 *
 * @param year the year
 * @param periods its reporting periods, by start date and number
 * @param daysOff its holidays and vacations, by start date
 * @param transfers its moved days, by date
 */
public record YearCalendar(AcademicYear year, List<ReportingPeriod> periods, List<DayOff> daysOff, List<DayTransfer> transfers) {

    public YearCalendar {
        periods = List.copyOf(periods);
        daysOff = List.copyOf(daysOff);
        transfers = List.copyOf(transfers);
    }
}
