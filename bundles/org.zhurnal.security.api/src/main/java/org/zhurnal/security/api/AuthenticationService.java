package org.zhurnal.security.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sign-in and sessions. Tokens are opaque random strings (256 bits); only their SHA-256 is stored.
 * Sessions live in the database so every node sees them.
 * <p>Thread-safe.
 */
@ProviderType
public interface AuthenticationService {

    /**
     * @throws org.zhurnal.core.api.ProblemException 401 for wrong credentials (same answer for an unknown
     *         login), 429 while the account is throttled after repeated failures
     */
    Session login(String login, String password, String remoteAddress);

    /** @return the live session of {@code token}, refreshing its idle expiry; empty if unknown or expired */
    Optional<Session> authenticate(String token);

    /** Ends the session of {@code token}; unknown tokens are ignored. */
    void logout(String token);

    /**
     * Changes the password after checking the current one; clears the temporary flag and ends the
     * account's other sessions.
     *
     * @throws org.zhurnal.core.api.ProblemException 400 naming {@code newPassword} when it violates the
     *         policy, 403 when {@code currentPassword} is wrong
     */
    void changePassword(String accountId, String currentPassword, String newPassword, String keepToken);
}
