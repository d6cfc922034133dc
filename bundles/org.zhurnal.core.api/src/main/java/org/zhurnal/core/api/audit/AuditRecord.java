package org.zhurnal.core.api.audit;

/**
 * One change to audit, for {@link AuditLog#recordAll}.
 *
 * @param entityType kind of entity changed
 * @param entityId id of the changed row
 * @param action what was done
 * @param before state before (JSON-serialisable), {@code null} for a creation
 * @param after state after, {@code null} for a deletion
 */
public record AuditRecord(String entityType, String entityId, String action, Object before, Object after) {
}
