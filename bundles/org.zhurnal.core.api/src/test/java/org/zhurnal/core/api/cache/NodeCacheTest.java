package org.zhurnal.core.api.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class NodeCacheTest {
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String v) {
        loads.incrementAndGet();
        return v;
    }

    @Test
    void aValueIsReusedUntilEvictedAndOnlyTheMatchingKeysAreEvicted() {
        NodeCache<String, String> cache = new NodeCache<>(Duration.ofMinutes(1));
        assertEquals("a1", cache.get("a", () -> load("a1")));
        assertEquals("a1", cache.get("a", () -> load("a2")));
        assertEquals("b1", cache.get("b", () -> load("b1")));
        assertEquals(2, loads.get());
        cache.evict(k -> k.equals("a"));
        assertEquals("a3", cache.get("a", () -> load("a3")));
        assertEquals("b1", cache.get("b", () -> load("b2")));
        assertEquals(3, loads.get());
    }

    @Test
    void aValueLoadedWhileAWriteEvictedIsReturnedButNotKept() {
        NodeCache<String, String> cache = new NodeCache<>(Duration.ofMinutes(1));
        // The load read the state before a write; the write committed and evicted before the load finished.
        assertEquals("before", cache.get("k", () -> {
            cache.evictAll();
            return load("before");
        }));
        assertEquals("after", cache.get("k", () -> load("after")));
        assertEquals("after", cache.get("k", () -> load("again")));
        assertEquals(2, loads.get());
    }

    @Test
    void valuesExpireAndAZeroTimeToLiveKeepsNothing() throws InterruptedException {
        NodeCache<String, String> cache = new NodeCache<>(Duration.ofMillis(30));
        cache.get("k", () -> load("1"));
        Thread.sleep(60);
        assertEquals("2", cache.get("k", () -> load("2")));
        cache.ttl(Duration.ZERO);
        cache.get("k", () -> load("3"));
        assertEquals("4", cache.get("k", () -> load("4")));
        assertEquals(4, loads.get());
    }

    @Test
    void aBoundedCacheDropsExpiredValuesFirstThenEverything() throws InterruptedException {
        NodeCache<String, String> cache = new NodeCache<>(Duration.ofMillis(1000), 2);
        cache.get("a", () -> load("a1"));
        Thread.sleep(1100); // a has expired
        cache.get("b", () -> load("b1"));
        cache.get("c", () -> load("c1")); // full: the expired a makes room, b stays
        assertEquals("b1", cache.get("b", () -> load("b2")));
        assertEquals("c1", cache.get("c", () -> load("c2")));
        cache.get("d", () -> load("d1")); // full of fresh values: all are dropped, d is kept
        assertEquals("d1", cache.get("d", () -> load("d2")));
        assertEquals("b3", cache.get("b", () -> load("b3")));
        assertEquals(5, loads.get());
        assertThrows(IllegalArgumentException.class, () -> new NodeCache<String, String>(Duration.ofMinutes(1), 0));
    }

    @Test
    void anExpiredValueIsLoadedByOneCallerWhileTheOthersKeepTheOldOne() throws Exception {
        NodeCache<String, String> cache = new NodeCache<>(Duration.ofMillis(50));
        cache.get("k", () -> load("old"));
        Thread.sleep(80);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread reloader = new Thread(() -> cache.get("k", () -> {
            loading.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return load("new");
        }));
        reloader.start();
        assertTrue(loading.await(5, TimeUnit.SECONDS));
        assertEquals("old", cache.get("k", () -> load("second load"))); // no second load meanwhile
        release.countDown();
        reloader.join(5000);
        assertEquals("new", cache.get("k", () -> load("again")));
        assertEquals(2, loads.get());

        // A failed load leaves the next caller to try again; an eviction never leaves an old value to serve.
        Thread.sleep(80);
        assertThrows(IllegalStateException.class, () -> cache.get("k", () -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals("next", cache.get("k", () -> load("next")));
        cache.evictAll();
        assertEquals("after write", cache.get("k", () -> load("after write")));
        assertEquals(4, loads.get());
    }
}
