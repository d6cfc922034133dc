package org.zhurnal.security.api;

import java.util.List;

import org.zhurnal.core.api.security.Grant;

/**
 * What is needed to create an account.
 *
 * @param login desired login; {@code null} to derive a unique one from {@code displayName}
 * @param displayName the person's name (required)
 * @param personId the roster person, or {@code null}
 * @param schoolId the school, or {@code "system"}/{@code null}
 * @param grants roles in scopes (at least one)
 * @param password an initial password, or {@code null} to generate a temporary one
 */
public record NewAccount(String login, String displayName, String personId, String schoolId, List<Grant> grants,
        String password) {
}
