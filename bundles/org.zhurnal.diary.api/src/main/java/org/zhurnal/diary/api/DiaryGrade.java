package org.zhurnal.diary.api;

import java.time.Instant;

/**
 * A confirmed grade shown in the diary.
 *
 * @param subject the subject
 * @param kind {@code PERIOD}, {@code YEAR}, {@code EXAM} or {@code FINAL}
 * @param periodId the period of a {@code PERIOD} grade, else {@code null}
 * @param value the grade
 * @param confirmedAt when the teacher confirmed it
 * @param periodName the name of the period of a {@code PERIOD} grade («1 четверть»), else {@code null} — since 1.1
 */
public record DiaryGrade(String subject, String kind, String periodId, String value, Instant confirmedAt, String periodName) {

    /** As of 1.0: without the period's name. */
    public DiaryGrade(String subject, String kind, String periodId, String value, Instant confirmedAt) {
        this(subject, kind, periodId, value, confirmedAt, null);
    }
}
