package org.zhurnal.archive.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The signed document archive. Documents are only ever added, never changed or deleted. Every method acts for the
 * principal of the bound {@link org.zhurnal.core.api.security.CallContext}: the school's deputy director and
 * coordinator, the municipality's and the system's administrators (ADMINISTER on the school); anyone else gets a
 * {@link org.zhurnal.core.api.ProblemException} 403 (404 for a document id outside their schools).
 * <p>Thread-safe.
 */
@ProviderType
public interface ArchiveService {

    /**
     * @param academicYear only this year, or {@code null} for all
     * @return the school's documents, newest first
     */
    List<ArchivedDocument> documents(String schoolId, Integer academicYear);

    /** @return the record, empty if unknown (or outside the caller's schools) */
    Optional<ArchivedDocument> document(String id);

    /** @return the stored bytes of a document (as stored: verify to know they are intact) */
    byte[] content(String id);

    /**
     * Renders a report through its plug-in and archives the result, signed.
     *
     * @throws org.zhurnal.core.api.ProblemException 400 naming the field for a bad request, 404 for an unknown report
     */
    ArchivedDocument archiveReport(String schoolId, ArchiveRequest request);

    /**
     * Archives the configured year report for every class of the year. Idempotent: a class whose year report is
     * already archived is not archived again.
     */
    YearClosing closeYear(String schoolId, int academicYear);

    /** @return the verification of one document */
    Verification verify(String id);

    /**
     * @param schoolId one school, or {@code null} for every school the caller administers
     * @return the verification of each document
     */
    List<Verification> verifyAll(String schoolId);

    /** Copies the school's archive (documents, records, signed manifests and signatures) to every configured target. */
    ExportResult export(String schoolId);
}
