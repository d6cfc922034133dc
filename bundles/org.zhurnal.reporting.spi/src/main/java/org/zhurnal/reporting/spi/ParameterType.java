package org.zhurnal.reporting.spi;

/**
 * What a parameter holds; the platform checks access for {@link #SCHOOL}, {@link #CLASS} and {@link #MUNICIPALITY}
 * (ADMINISTER on the scope named) and the form of {@link #DATE} and {@link #YEAR}.
 */
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
    YEAR,
    /**
     * A municipality id: the run needs ADMINISTER on the municipality (its municipal admin, or the system admin),
     * which covers every school of it.
     *
     * @since 1.1
     */
    MUNICIPALITY
}
