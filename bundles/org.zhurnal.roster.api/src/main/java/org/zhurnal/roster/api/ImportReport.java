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
 * @param classTeacherChanges the classes whose class teacher the file replaces (a staff file naming another teacher
 *        of a class that has one), so the import page warns before they are written — since 1.6
 */
public record ImportReport(boolean dryRun, int rows, Map<String, Integer> created, Map<String, Integer> updated,
        Map<String, Integer> unchanged, java.util.List<String> newClasses, java.util.List<ClassTeacherChange> classTeacherChanges) {

    public ImportReport {
        newClasses = newClasses == null ? java.util.List.of() : java.util.List.copyOf(newClasses);
        classTeacherChanges = classTeacherChanges == null ? java.util.List.of() : java.util.List.copyOf(classTeacherChanges);
    }

    /**
     * A class whose class teacher an import replaces.
     *
     * @param className the class, e.g. «5А»
     * @param before the full name of the class teacher until now
     * @param after the full name of the one the file names
     * @since 1.6
     */
    public record ClassTeacherChange(String className, String before, String after) {
    }

    /** As of 1.5: without the class teachers replaced. */
    public ImportReport(boolean dryRun, int rows, Map<String, Integer> created, Map<String, Integer> updated, Map<String, Integer> unchanged,
            java.util.List<String> newClasses) {
        this(dryRun, rows, created, updated, unchanged, newClasses, java.util.List.of());
    }

    /** As of 1.4: without the names of new classes. */
    public ImportReport(boolean dryRun, int rows, Map<String, Integer> created, Map<String, Integer> updated, Map<String, Integer> unchanged) {
        this(dryRun, rows, created, updated, unchanged, java.util.List.of(), java.util.List.of());
    }
}
