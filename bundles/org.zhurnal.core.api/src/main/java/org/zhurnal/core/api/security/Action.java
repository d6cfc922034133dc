package org.zhurnal.core.api.security;

/** What a caller wants to do with a scope. */
public enum Action {
    /** See data. */
    READ,
    /** Change day-to-day data (journal entries, people's records). */
    WRITE,
    /** Manage the scope itself: accounts, settings, unlocking closed periods. */
    ADMINISTER
}
