package org.zhurnal.gradebook.api;

/**
 * An entry of the attendance reference book: a short code teachers type and what it means.
 *
 * @param code the code, e.g. «н»
 * @param label the Russian label, e.g. «отсутствовал без уважительной причины»
 * @param category one of {@link #ILLNESS}, {@link #EXCUSED}, {@link #UNEXCUSED}, {@link #LATE}
 */
public record AbsenceCode(String code, String label, String category) {
    public static final String ILLNESS = "ILLNESS";
    public static final String EXCUSED = "EXCUSED";
    public static final String UNEXCUSED = "UNEXCUSED";
    public static final String LATE = "LATE";
}
