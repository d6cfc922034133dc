package org.zhurnal.core.api;

/**
 * One invalid input among several (an import row, a field of a bulk edit).
 *
 * @param field where: a JSON field path, or {@code file:row:column} for imports
 * @param message what is wrong, for people
 */
public record Violation(String field, String message) {
}
