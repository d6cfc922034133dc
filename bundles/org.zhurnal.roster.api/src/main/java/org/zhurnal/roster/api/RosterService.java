package org.zhurnal.roster.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The roster's operations for the REST layer and the shell, each checked against the calling
 * principal (bound {@link org.zhurnal.core.api.security.CallContext}) and audited.
 * <p>Thread-safe.
 */
@ProviderType
public interface RosterService {

    /** @return the school's classes of the academic year visible to the caller */
    List<SchoolClass> classes(String schoolId, int academicYear);

    /**
     * @throws org.zhurnal.core.api.ProblemException 404 when the class does not exist or is outside the
     *         caller's scope
     */
    ClassCard classCard(String classId);

    /** @throws org.zhurnal.core.api.ProblemException 404 outside the caller's scope */
    Person person(String personId);

    /** @return the school's staff (coordinator, deputy director, municipal admin) */
    List<Person> staff(String schoolId);

    /**
     * Imports the native CSV template (students with classes and guardians, or staff), in UTF-8 or
     * Windows-1251, separated by ';' or ','. Validates every row first; if any is invalid, throws a 400
     * problem listing every error as {@code file:row:column} and writes nothing. Re-importing the same file
     * changes nothing (upsert by external id).
     */
    ImportReport importCsv(String schoolId, String fileName, byte[] content, boolean dryRun);
}
