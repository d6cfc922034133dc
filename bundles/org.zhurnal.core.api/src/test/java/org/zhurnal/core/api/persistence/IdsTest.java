package org.zhurnal.core.api.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void aVersion7UuidCarriesItsMillisecondInItsFirst48Bits() {
        long t = Instant.parse("2026-11-30T08:00:00.123Z").toEpochMilli();
        UUID id = Ids.timeOrdered(t);
        assertEquals(7, id.version());
        assertEquals(2, id.variant()); // RFC 9562's variant, bits 10
        assertEquals(t, id.getMostSignificantBits() >>> 16);
        // The text form starts with the time in hex: 48 bits = the first 12 hex digits (8 + 4 after the dash).
        String hex = String.format("%012x", t);
        assertTrue(id.toString().startsWith(hex.substring(0, 8) + "-" + hex.substring(8)), id + " for " + hex);
        assertEquals('7', id.toString().charAt(14));
        assertTrue("89ab".indexOf(id.toString().charAt(19)) >= 0, id.toString());
    }

    @Test
    void theTextSortsByTimeAndIdsOfOneMillisecondDiffer() {
        long t = Instant.parse("2026-11-30T08:00:00Z").toEpochMilli();
        List<String> ids = new ArrayList<>();
        for (int ms = 0; ms < 300; ms++) {
            ids.add(Ids.timeOrdered(t + ms * 997L).toString());
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(ids, sorted);
        Set<String> sameMillisecond = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            sameMillisecond.add(Ids.timeOrdered(t).toString());
        }
        assertEquals(10_000, sameMillisecond.size());
        String now = Ids.timeOrdered();
        assertEquals(36, now.length());
        assertNotEquals(now, Ids.timeOrdered());
        long timePart = UUID.fromString(now).getMostSignificantBits() >>> 16;
        long age = System.currentTimeMillis() - timePart;
        assertTrue(age >= 0 && age < 60_000, "the time part is now: " + age);
        assertEquals(0, timePart % Ids.BUCKET_MILLIS, "the time part is rounded down to the bucket");
    }

    @Test
    void idsOfOneBucketSortByTheirRandomBitsSoConcurrentInsertsSpreadOverTheBucketsKeys() {
        long bucket = System.currentTimeMillis() / Ids.BUCKET_MILLIS;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(Ids.timeOrdered());
        }
        ids.removeIf(id -> (UUID.fromString(id).getMostSignificantBits() >>> 16) / Ids.BUCKET_MILLIS != bucket); // a bucket ended meanwhile
        assertTrue(ids.size() > 100, "most ids fall into the bucket the test began in");
        List<String> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        assertNotEquals(ids, sorted, "ids taken one after another are not in creation order within a bucket");
        // and a later bucket's ids sort after all of them
        String later = Ids.timeOrdered((bucket + 1) * Ids.BUCKET_MILLIS).toString();
        assertTrue(sorted.get(sorted.size() - 1).compareTo(later) < 0);
    }
}
