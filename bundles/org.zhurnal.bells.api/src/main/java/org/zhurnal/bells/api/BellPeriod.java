package org.zhurnal.bells.api;

import java.time.LocalTime;

/**
 * One lesson slot of a bell schedule.
 *
 * @param number the lesson number (1 = first lesson), unique and ascending within a schedule
 * @param start when the lesson begins
 * @param end when the lesson ends (after {@code start})
 */
public record BellPeriod(int number, LocalTime start, LocalTime end) {
}
