package org.zhurnal.security.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
    private static final Pattern PHC = Pattern
            .compile("^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final String PASSWORD = "correct horse battery staple";

    private static final PasswordHasher HASHER = new PasswordHasher();
    /** Hashing costs ~19 MiB and some tens of milliseconds; share one hash across tests. */
    private static String stored;

    @BeforeAll
    static void hashOnce() {
        stored = HASHER.hash(PASSWORD);
    }

    @Test
    void hashIsPhcStringWithOwaspParametersAnd16ByteSaltAnd32ByteHash() {
        Matcher m = PHC.matcher(stored);
        assertTrue(m.matches(), "not a PHC argon2id string: " + stored);
        // Unpadded standard base64: 16 bytes -> 22 chars, 32 bytes -> 43 chars.
        assertEquals(16, Base64.getDecoder().decode(m.group(1)).length);
        assertEquals(32, Base64.getDecoder().decode(m.group(2)).length);
        assertFalse(m.group(1).endsWith("=") || m.group(2).endsWith("="), "PHC base64 is unpadded");
    }

    @Test
    void verifyAcceptsTheRightPassword() {
        assertTrue(HASHER.verify(PASSWORD, stored));
    }

    @Test
    void verifyRejectsWrongPasswords() {
        assertFalse(HASHER.verify("correct horse battery stapler", stored));
        assertFalse(HASHER.verify("Correct horse battery staple", stored));
        assertFalse(HASHER.verify("", stored));
    }

    @Test
    void twoHashesOfTheSamePasswordDifferButBothVerify() {
        String other = HASHER.hash(PASSWORD);
        assertNotEquals(stored, other, "salt must be random");
        assertNotEquals(stored.split("\\$")[4], other.split("\\$")[4], "salts differ");
        assertTrue(HASHER.verify(PASSWORD, stored));
        assertTrue(HASHER.verify(PASSWORD, other));
    }

    @Test
    void cyrillicPasswordRoundTrips() {
        String pw = "Съешь ещё этих мягких французских булок";
        String h = HASHER.hash(pw);
        assertTrue(HASHER.verify(pw, h));
        // Same letters in a different Unicode normal form or case must not match.
        assertFalse(HASHER.verify("съешь ещё этих мягких французских булок", h));
        assertFalse(HASHER.verify("Съешь еще этих мягких французских булок", h));
    }

    @Test
    void tamperedHashOrSaltDoesNotVerify() {
        String[] parts = stored.split("\\$");
        String hash = parts[5];
        char flipped = hash.charAt(0) == 'A' ? 'B' : 'A';
        String tamperedHash = stored.substring(0, stored.length() - hash.length()) + flipped + hash.substring(1);
        assertFalse(HASHER.verify(PASSWORD, tamperedHash));

        String salt = parts[4];
        char flippedSalt = salt.charAt(0) == 'A' ? 'B' : 'A';
        String tamperedSalt = stored.replace("$" + salt + "$", "$" + flippedSalt + salt.substring(1) + "$");
        assertNotEquals(stored, tamperedSalt);
        assertFalse(HASHER.verify(PASSWORD, tamperedSalt));
    }

    @Test
    void hashWithDifferentDeclaredParametersDoesNotVerify() {
        // The parameters are read back from the string; lying about them changes the derived key.
        String changed = stored.replace("t=2", "t=3");
        assertFalse(HASHER.verify(PASSWORD, changed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "$", "$$$$$", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "$argon2d$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA", "$argon2id$v=19$m=abc,t=2,p=1$c2FsdA$aGFzaA",
            "$argon2id$v=19$x=1,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "$argon2id$v=19$m=19456,t=2,p=1$!!not-base64!!$aGFzaA", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA$extra",
            "$argon2id$v=19$m=,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA"})
    void verifyRejectsMalformedEncodingsWithoutThrowing(String encoded) {
        assertFalse(assertDoesNotThrow(() -> HASHER.verify(PASSWORD, encoded)));
    }
}
