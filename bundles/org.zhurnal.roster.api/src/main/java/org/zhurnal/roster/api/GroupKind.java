package org.zhurnal.roster.api;

/** What a group is. */
public enum GroupKind {
    /** Part of one class, e.g. a language half. */
    SUBGROUP,
    /** An elective course, open to students of several classes. */
    ELECTIVE,
    /** An extended-day group («ГПД»). */
    EXTENDED_DAY,
    /** A club. */
    CLUB
}
