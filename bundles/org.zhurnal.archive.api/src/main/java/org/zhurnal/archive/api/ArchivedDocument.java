package org.zhurnal.archive.api;

import java.time.Instant;

/**
 * The record of an archived document. Records are immutable: a correction is a new record with {@code version + 1}
 * whose {@code previousId} names the corrected one. The signature covers every field of the record and the content's
 * hash.
 *
 * @param id a UUID
 * @param schoolId the school
 * @param classId the class the document is about, or {@code null}
 * @param academicYear the academic year (2026 = 2026/2027)
 * @param kind what the document is, e.g. {@code summary-sheet} or the id of the report it was rendered from
 * @param title a human title
 * @param fileName the file name, with extension
 * @param mediaType e.g. {@code application/pdf}
 * @param version 1 for a first document, previous + 1 for a correction
 * @param previousId the corrected version, or {@code null}
 * @param createdBy the login of who archived it
 * @param createdAt when
 * @param size the content's length in bytes
 * @param sha256 the content's SHA-256, lower-case hex
 */
public record ArchivedDocument(String id, String schoolId, String classId, int academicYear, String kind, String title, String fileName,
        String mediaType, int version, String previousId, String createdBy, Instant createdAt, long size, String sha256) {
}
