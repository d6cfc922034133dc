package org.zhurnal.roster.api;

/** What a person is to the school. */
public enum PersonKind {
    STAFF, STUDENT, GUARDIAN
}
