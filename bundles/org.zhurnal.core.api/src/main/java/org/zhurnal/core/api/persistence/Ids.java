package org.zhurnal.core.api.persistence;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers for rows that are written often and in bulk (marks, attendance, domain events, notifications):
 * RFC 9562 version 7 UUIDs — 48 bits of Unix time in milliseconds, then 74 random bits. Their text sorts by creation
 * time, so a new row's key lands near the right-hand edge of its primary-key index (and of any index that leads with
 * it), where the pages are already in the database's cache. A random (version 4) key lands on a random leaf page
 * instead: once the index outgrows the page cache, every insert reads a page from disk and later writes it back.
 * {@link #timeOrdered()} gives its ids the time rounded down to {@value #BUCKET_MILLIS} ms (RFC 9562 lets an
 * implementation reduce the timestamp's precision), so the ids of those few seconds sort by their random bits: with
 * millisecond precision every concurrent insert went to the one last leaf page of each such index, and under a load of
 * journal entries the writers queued for that page's latch (see docs/benchmarks.md, Gradebook, stop 19); now they spread
 * over the few pages of the current seconds, which stay in the cache all the same.
 * They are as unguessable as {@link UUID#randomUUID()} in their random part; their time part is (about) the moment of
 * writing, which the rows these ids name carry anyway.
 */
public final class Ids {
    /** The precision of {@link #timeOrdered()}'s time part. */
    public static final long BUCKET_MILLIS = 4096;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /**
     * @return a new version 7 UUID for the current time rounded down to {@value #BUCKET_MILLIS} ms, in the usual
     *         36-character text form
     */
    public static String timeOrdered() {
        return timeOrdered(System.currentTimeMillis() / BUCKET_MILLIS * BUCKET_MILLIS).toString();
    }

    /**
     * @param epochMillis the time part (milliseconds since 1970-01-01T00:00Z; only its low 48 bits are kept)
     * @return a new version 7 UUID with that time part and fresh random bits
     */
    public static UUID timeOrdered(long epochMillis) {
        byte[] r = new byte[10];
        RANDOM.nextBytes(r);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | ((r[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (r[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
