package org.zhurnal.security.api;

/**
 * An account together with the temporary password issued for it. The password is shown once and
 * never stored in clear.
 *
 * @param account the account
 * @param temporaryPassword the new temporary password, or {@code null} if the caller set the password
 */
public record IssuedCredentials(AccountInfo account, String temporaryPassword) {
}
