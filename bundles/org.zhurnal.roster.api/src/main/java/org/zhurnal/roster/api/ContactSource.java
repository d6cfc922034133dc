package org.zhurnal.roster.api;

/** How the family gave a contact (the regulation requires recording it). */
public enum ContactSource {
    /** A written application on paper. */
    WRITTEN,
    /** Electronically, with a signature. */
    ELECTRONIC
}
