package org.zhurnal.calendar.api;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A moved day: a weekend that becomes a working day, or a weekday that becomes free (по постановлению
 * Правительства о переносе выходных дней). It overrides the working week and the days off.
 *
 * @param id the id (UUID)
 * @param yearId the academic year
 * @param date the day concerned
 * @param working {@code true} when lessons take place on {@code date}
 * @param timetableOf which weekday's timetable a transferred working day follows; {@code null} when not working
 */
public record DayTransfer(String id, String yearId, LocalDate date, boolean working, DayOfWeek timetableOf) {
}
