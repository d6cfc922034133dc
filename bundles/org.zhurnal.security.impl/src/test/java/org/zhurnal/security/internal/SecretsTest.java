package org.zhurnal.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final String FORBIDDEN = "0O1lI";

    @Test
    void tokenIsUnpaddedUrlSafeBase64Of256Bits() {
        for (int i = 0; i < 200; i++) {
            String t = Secrets.token();
            assertEquals(43, t.length(), t);
            assertTrue(t.matches("[A-Za-z0-9_-]{43}"), "not URL-safe base64: " + t);
            assertEquals(32, Base64.getUrlDecoder().decode(t).length);
        }
    }

    @Test
    void tokensAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(Secrets.token()), "duplicate token");
        }
    }

    @Test
    void temporaryPasswordHas12CharactersWithoutAmbiguousOnes() {
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String p = Secrets.temporaryPassword();
            assertEquals(12, p.length(), p);
            for (char c : p.toCharArray()) {
                assertTrue((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '9'),
                        "unexpected character in " + p);
                assertEquals(-1, FORBIDDEN.indexOf(c), "ambiguous character '" + c + "' in " + p);
                used.add(c);
            }
        }
        // 24000 draws from a 56-letter alphabet: every letter appears.
        assertEquals(56, used.size(), "alphabet actually used: " + used);
    }

    @Test
    void temporaryPasswordsDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(Secrets.temporaryPassword()));
        }
    }

    @Test
    void sha256MatchesKnownVectors() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Secrets.sha256(""));
    }

    @Test
    void sha256EncodesNonAsciiAsUtf8() {
        // Reference values from `printf 'ж' | sha256sum` (UTF-8 bytes D0 B6).
        assertEquals("dd591284d827e17f0f15706e4e430548c62b4f93d2847e0fcc7972b4aed83551", Secrets.sha256("ж"));
        assertEquals("cb1a2074b3a027ffa7d7d9c54682c3835fffc7f6d620d8a38532f075cc2f17a0", Secrets.sha256("Пароль"));
    }
}
