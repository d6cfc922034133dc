package org.zhurnal.security.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhurnal.core.api.security.Grant;

/**
 * Manages accounts. Every write is audited. Authorization of the caller is the calling module's
 * duty (through {@link org.zhurnal.core.api.security.Authorization}); this service enforces only
 * integrity (unique logins, password policy).
 * <p>Thread-safe.
 */
@ProviderType
public interface AccountService {

    /**
     * Creates an account. Without a password a temporary one is generated and must be changed at first
     * sign-in.
     *
     * @throws org.zhurnal.core.api.ProblemException 400 naming the field, 409 when the login is taken
     */
    IssuedCredentials create(NewAccount account);

    Optional<AccountInfo> byId(String accountId);

    Optional<AccountInfo> byLogin(String login);

    Optional<AccountInfo> byPerson(String personId);

    /** @return the accounts of those of {@code personIds} that have one, by person id (one query) */
    java.util.Map<String, AccountInfo> byPersons(java.util.Collection<String> personIds);

    /** @return accounts of one school (or {@code "system"}), ordered by login */
    List<AccountInfo> bySchool(String schoolId);

    /** Replaces the account's grants. */
    AccountInfo setGrants(String accountId, List<Grant> grants);

    /** Issues a new temporary password (forcing a change) and ends the account's sessions. */
    IssuedCredentials resetPassword(String accountId);

    /** Blocks or unblocks sign-in; blocking ends the account's sessions. */
    AccountInfo setDisabled(String accountId, boolean disabled);

    /**
     * @param displayName a person's name in Cyrillic or Latin letters
     * @return a login not yet taken, transliterated from the name (ICAO Doc 9303, as in Russian
     *         passports since 2013), e.g. «Иванова Мария Петровна» → {@code ivanova.mp}
     */
    String proposeLogin(String displayName);
}
