package org.zhurnal.security.api;

import java.time.Instant;

import org.zhurnal.core.api.security.ZhurnalPrincipal;

/**
 * A sign-in session.
 *
 * @param token the bearer token; present only in the answer to a login, {@code null} afterwards
 * @param principal who is signed in
 * @param csrfToken token that cookie-authenticated writes must echo in {@code X-CSRF-Token}
 * @param expiresAt when the session ends at the latest (idle expiry may end it earlier)
 */
public record Session(String token, ZhurnalPrincipal principal, String csrfToken, Instant expiresAt) {
}
