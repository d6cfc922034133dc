package org.zhurnal.gradebook.spi;

/** Where a value is used: a current mark for one piece of work, or a final grade (period, year, exam, final). */
public enum MarkUse {
    /** A mark for one piece of work during a period; schemes may allow more values here (e.g. «5-»). */
    CURRENT,
    /** A period, year, exam or final grade. */
    FINAL
}
