package org.zhurnal.core.api.audit;

import java.time.Instant;

/**
 * One audit entry as stored.
 *
 * @param chain the chain: the school id (or {@code "system"}), followed by {@code ~n} for the school's further
 *        parallel chains (see the audit section of docs/architecture.md)
 * @param seq position in the chain, from 1
 * @param at when it was recorded
 * @param actorId account id of who did it
 * @param actorLogin login of who did it
 * @param requestId correlation id of the request
 * @param entityType kind of entity changed
 * @param entityId id of the entity changed
 * @param action what was done
 * @param before JSON of the state before, or {@code null}
 * @param after JSON of the state after, or {@code null}
 * @param hash hex SHA-256 over the previous hash and this entry's content
 */
public record AuditEntry(String chain, long seq, Instant at, String actorId, String actorLogin, String requestId,
        String entityType, String entityId, String action, String before, String after, String hash) {
}
