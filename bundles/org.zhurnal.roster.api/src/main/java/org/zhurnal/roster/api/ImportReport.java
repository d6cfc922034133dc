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
 * @param newClasses the names of the classes the file creates («11Я»): a class that did not exist is more often a typo
 *        than a new class, so the import page names them — since 1.5
 */
public record ImportReport(boolean dryRun, int rows, Map<String, Integer> created, Map<String, Integer> updated,
        Map<String, Integer> unchanged, java.util.List<String> newClasses) {

    public ImportReport {
        newClasses = newClasses == null ? java.util.List.of() : java.util.List.copyOf(newClasses);
    }

    /** As of 1.4: without the names of new classes. */
    public ImportReport(boolean dryRun, int rows, Map<String, Integer> created, Map<String, Integer> updated, Map<String, Integer> unchanged) {
        this(dryRun, rows, created, updated, unchanged, java.util.List.of());
    }
}
