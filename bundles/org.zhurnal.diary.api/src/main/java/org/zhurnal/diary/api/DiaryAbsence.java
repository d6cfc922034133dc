package org.zhurnal.diary.api;

/**
 * An absence or lateness.
 *
 * @param code the school's code, e.g. «н», «б»
 * @param category {@code ILLNESS}, {@code EXCUSED}, {@code UNEXCUSED} or {@code LATE}
 * @param lateMinutes minutes late, or {@code null}
 */
public record DiaryAbsence(String code, String category, Integer lateMinutes) {
}
