package org.zhurnal.timetable.internal.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeedTokensTest {
    @Test
    void tokensAreUrlSafe256BitAndDistinct() {
        FeedTokens tokens = new FeedTokens();
        String a = tokens.next();
        String b = tokens.next();
        assertEquals(43, a.length(), "32 bytes in unpadded base64url");
        assertTrue(FeedTokens.wellFormed(a), a);
        assertNotEquals(a, b);
    }

    @Test
    void onlyTheHashIsKeptAndItIsStable() {
        String t = new FeedTokens().next();
        assertEquals(64, FeedTokens.hash(t).length());
        assertEquals(FeedTokens.hash(t), FeedTokens.hash(t));
        assertFalse(FeedTokens.hash(t).contains(t));
        // SHA-256("abc"), FIPS 180-2 test vector.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", FeedTokens.hash("abc"));
    }

    @Test
    void malformedTokensAreNotLookedUp() {
        assertFalse(FeedTokens.wellFormed(null));
        assertFalse(FeedTokens.wellFormed("short"));
        assertFalse(FeedTokens.wellFormed("A".repeat(42) + "/"));
        assertFalse(FeedTokens.wellFormed("A".repeat(44)));
    }
}
