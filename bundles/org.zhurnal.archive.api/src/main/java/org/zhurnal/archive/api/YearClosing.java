package org.zhurnal.archive.api;

import java.util.List;

/**
 * The result of closing an academic year in the archive.
 *
 * @param schoolId the school
 * @param academicYear the year
 * @param reportId the report archived for each class
 * @param created the documents archived now
 * @param alreadyArchived the documents archived by an earlier close of the same year (nothing is archived twice)
 */
public record YearClosing(String schoolId, int academicYear, String reportId, List<ArchivedDocument> created,
        List<ArchivedDocument> alreadyArchived) {
    public YearClosing {
        created = List.copyOf(created);
        alreadyArchived = List.copyOf(alreadyArchived);
    }
}
