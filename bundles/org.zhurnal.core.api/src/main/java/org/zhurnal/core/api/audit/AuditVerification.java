package org.zhurnal.core.api.audit;

import java.util.List;

/**
 * Result of verifying the audit chains.
 *
 * @param valid {@code true} when every chain verified
 * @param chains number of chains checked
 * @param entries number of entries checked
 * @param problems one line per broken link: chain, sequence number and what is wrong
 */
public record AuditVerification(boolean valid, int chains, long entries, List<String> problems) {
    public AuditVerification {
        problems = List.copyOf(problems);
    }
}
