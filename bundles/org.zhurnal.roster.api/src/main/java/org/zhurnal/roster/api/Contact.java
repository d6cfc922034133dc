package org.zhurnal.roster.api;

/**
 * A way to reach a person.
 *
 * @param kind {@code EMAIL} or {@code PHONE}
 * @param value the address or number
 * @param source how it was given
 */
public record Contact(String kind, String value, ContactSource source) {
    public static final String EMAIL = "EMAIL";
    public static final String PHONE = "PHONE";
}
