package org.zhurnal.core.api.audit;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit log. Every write of every module calls {@link #record} inside the same JTA
 * transaction as the write, so the entry commits or rolls back with it. Entries of one school form a
 * hash chain: each entry's hash covers its content and the previous entry's hash, so changing or
 * removing an old entry is detected by {@link #verify()}.
 * <p>Thread-safe.
 */
@ProviderType
public interface AuditLog {

    /**
     * Appends an entry. Who and the request id come from the bound
     * {@link org.zhurnal.core.api.security.CallContext} (system if none).
     *
     * @param schoolId the school whose data changed, or {@code "system"}
     * @param entityType e.g. {@code "account"}, {@code "mark"}
     * @param entityId id of the changed row
     * @param action e.g. {@code "create"}, {@code "update"}, {@code "delete"}
     * @param before state before (any JSON-serialisable value), {@code null} for a creation
     * @param after state after, {@code null} for a deletion
     * @throws IllegalStateException if no transaction is active
     */
    void record(String schoolId, String entityType, String entityId, String action, Object before, Object after);

    /**
     * Appends many entries of one school at once, in order (bulk imports): one lock of the chain and
     * one write per entry, so the cost grows linearly with the number of changes.
     *
     * @throws IllegalStateException if no transaction is active
     */
    void recordAll(String schoolId, List<AuditRecord> records);

    /**
     * @return the newest entries about one entity (or of any entity when {@code entityId} is
     *         {@code null}), newest first, at most {@code limit}
     */
    List<AuditEntry> find(String entityType, String entityId, int limit);

    /** Recomputes every chain and reports the first broken link of each. */
    AuditVerification verify();
}
