package org.zhurnal.roster.api;

/**
 * A guardian's relation to one child.
 *
 * @param guardian the guardian
 * @param relation {@code MOTHER}, {@code FATHER}, {@code GUARDIAN} or {@code OTHER}
 */
public record Guardianship(Person guardian, String relation) {
}
