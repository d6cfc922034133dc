package org.zhurnal.security.api;

import java.time.Instant;
import java.util.List;

import org.zhurnal.core.api.security.Grant;

/**
 * An account as other modules see it; never carries a password or its hash.
 *
 * @param id account id
 * @param login login name (unique, lower case)
 * @param displayName the person's name
 * @param personId id of the person in the roster, or {@code null} (system and municipal staff)
 * @param schoolId the school the account belongs to, or {@code "system"}
 * @param grants roles in scopes
 * @param mustChangePassword whether the password is temporary
 * @param disabled whether sign-in is blocked
 * @param createdAt creation time
 */
public record AccountInfo(String id, String login, String displayName, String personId, String schoolId,
        List<Grant> grants, boolean mustChangePassword, boolean disabled, Instant createdAt) {
    public AccountInfo {
        grants = List.copyOf(grants);
    }
}
