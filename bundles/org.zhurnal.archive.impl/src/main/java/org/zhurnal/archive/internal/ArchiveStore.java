package org.zhurnal.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.zhurnal.archive.api.ArchivedDocument;

/**
 * The archive's SQL: INSERT and SELECT only — there is deliberately no UPDATE or DELETE of an archived document.
 * Methods run inside the caller's transaction; LOBs are read there (Derby's locators end with the transaction).
 */
final class ArchiveStore {
    private static final String COLUMNS = "id, school_id, class_id, academic_year, kind, title, file_name, media_type, version, previous_id, "
            + "created_by, created_at, size_bytes, sha256";

    private ArchiveStore() {}

    static void insert(EntityManager em, ArchivedDocument d, byte[] signature, byte[] content, String dedupeKey) {
        // NULLs are written as literals: a null parameter's SQL type is not known to every driver.
        Query q = em.createNativeQuery("INSERT INTO zh_ar_document (" + COLUMNS + ", signature, dedupe_key) VALUES (?1, ?2, "
                + (d.classId() == null ? "NULL" : "?3") + ", ?4, ?5, ?6, ?7, ?8, ?9, " + (d.previousId() == null ? "NULL" : "?10")
                + ", ?11, ?12, ?13, ?14, ?15, " + (dedupeKey == null ? "NULL" : "?16") + ")");
        q.setParameter(1, d.id()).setParameter(2, d.schoolId()).setParameter(4, d.academicYear()).setParameter(5, d.kind())
                .setParameter(6, d.title()).setParameter(7, d.fileName()).setParameter(8, d.mediaType()).setParameter(9, d.version())
                .setParameter(11, d.createdBy()).setParameter(12, d.createdAt().toEpochMilli()).setParameter(13, d.size())
                .setParameter(14, d.sha256()).setParameter(15, signature);
        if (d.classId() != null) {
            q.setParameter(3, d.classId());
        }
        if (d.previousId() != null) {
            q.setParameter(10, d.previousId());
        }
        if (dedupeKey != null) {
            q.setParameter(16, dedupeKey);
        }
        q.executeUpdate();
        em.createNativeQuery("INSERT INTO zh_ar_content (document_id, content) VALUES (?1, ?2)").setParameter(1, d.id()).setParameter(2, content)
                .executeUpdate();
    }

    static Optional<ArchivedDocument> find(EntityManager em, String id) {
        List<ArchivedDocument> found = select(em, "WHERE id = ?1", id);
        return found.stream().findFirst();
    }

    /** @return the documents of a school (of one year when {@code year} is given), newest first */
    static List<ArchivedDocument> ofSchool(EntityManager em, String schoolId, Integer year) {
        return year == null ? select(em, "WHERE school_id = ?1 ORDER BY created_at DESC, id", schoolId)
                : select(em, "WHERE school_id = ?1 AND academic_year = ?2 ORDER BY created_at DESC, id", schoolId, year);
    }

    static Optional<ArchivedDocument> byDedupeKey(EntityManager em, String key) {
        return select(em, "WHERE dedupe_key = ?1", key).stream().findFirst();
    }

    /** @return the id of the version that corrects this one, if any */
    static Optional<String> successor(EntityManager em, String id) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM zh_ar_document WHERE previous_id = ?1").setParameter(1, id).getResultList();
        return ids.stream().map(Object::toString).findFirst();
    }

    /** @return the ids of the schools that have documents */
    static List<String> schools(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT DISTINCT school_id FROM zh_ar_document").getResultList();
        return ids.stream().map(Object::toString).toList();
    }

    static byte[] signature(EntityManager em, String id) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT signature FROM zh_ar_document WHERE id = ?1").setParameter(1, id).getResultList();
        return rows.isEmpty() ? null : bytes(rows.get(0));
    }

    static byte[] content(EntityManager em, String id) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT content FROM zh_ar_content WHERE document_id = ?1").setParameter(1, id).getResultList();
        return rows.isEmpty() ? null : bytes(rows.get(0));
    }

    private static List<ArchivedDocument> select(EntityManager em, String where, Object... params) {
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM zh_ar_document " + where);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<ArchivedDocument> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new ArchivedDocument((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(), (String) r[4], (String) r[5],
                    (String) r[6], (String) r[7], ((Number) r[8]).intValue(), (String) r[9], (String) r[10],
                    Instant.ofEpochMilli(((Number) r[11]).longValue()), ((Number) r[12]).longValue(), (String) r[13]));
        }
        return out;
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof Blob blob) {
            try (InputStream in = blob.getBinaryStream()) {
                return in.readAllBytes();
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Cannot read an archived LOB", e);
            }
        }
        throw new IllegalStateException("Unexpected LOB type " + value.getClass().getName());
    }
}
