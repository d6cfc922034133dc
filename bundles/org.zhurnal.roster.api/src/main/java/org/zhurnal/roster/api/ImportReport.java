package org.zhurnal.roster.api;

import java.util.Map;

/**
 * What an import did (or, in a dry run, would do). Imports are all-or-nothing: an invalid file is
 * refused with every error listed and changes nothing.
 *
 * @param dryRun {@code true} if nothing was written
 * @param rows data rows read
 * @param created created records by kind ({@code students}, {@code guardians}, {@code staff}, {@code classes}, ...)
 * @param updated updated records by kind
 * @param unchanged records already up to date, by kind
 */
public record ImportReport(boolean dryRun, int rows, Map<String, Integer> created, Map<String, Integer> updated,
        Map<String, Integer> unchanged) {
}
