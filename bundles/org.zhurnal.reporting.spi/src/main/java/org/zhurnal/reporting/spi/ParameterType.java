package org.zhurnal.reporting.spi;

/** What a parameter holds; the platform checks access for {@link #SCHOOL} and {@link #CLASS}. */
public enum ParameterType {
    /** A school id. */
    SCHOOL,
    /** A class id. */
    CLASS,
    /** A reporting period id. */
    PERIOD,
    /** An ISO date. */
    DATE,
    /** An academic year (2026 = 2026/2027). */
    YEAR
}
