package org.zhurnal.bells.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A bell schedule (расписание звонков) of one school.
 *
 * @param id the schedule's id (UUID)
 * @param schoolId the school
 * @param name display name, e.g. «Основное»
 * @param kind {@code REGULAR}, {@code SHORTENED}, {@code SATURDAY} or {@code SECOND_SHIFT}
 * @param validFrom the first day it may apply
 * @param validTo the last day it may apply; {@code null} = open-ended
 * @param periods its lessons (1–12), by number
 */
public record BellSchedule(String id, String schoolId, String name, String kind, LocalDate validFrom, LocalDate validTo,
        List<BellPeriod> periods) {

    public BellSchedule {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /** @return whether the schedule may apply on {@code date} */
    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
