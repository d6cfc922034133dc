package org.zhurnal.core.api.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A read cache of one node for data that changes rarely and that another node may change: a value is reused for a
 * time to live; this node's own writes evict it — call {@link #evict} after the writing transaction committed — so
 * they show at once here, and another node's writes show within the time to live. A value loaded while an eviction
 * happened is returned but not kept: a read that raced a write cannot keep the state before the write.
 *
 * <p>When a value has outlived its time to live, one caller loads it again while the others go on with the old value
 * until the new one is there (never after an eviction: evicted values are gone): a cache shared by many requests
 * does not make all of them load the same value at once every time to live. Another node's writes therefore show
 * within the time to live plus one load.
 *
 * <p>Thread-safe. Values should be immutable. A time to live of zero turns the cache off. A cache whose keys are not
 * bounded by the data (e.g. a key per date) is given a maximum size: past it, expired values are dropped, and if
 * that is not enough, all of them.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class NodeCache<K, V> {
    private record Entry<V>(long expiresNanos, V value, AtomicBoolean reloading) {
        Entry(long expiresNanos, V value) {
            this(expiresNanos, value, new AtomicBoolean());
        }
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxSize;
    private volatile long ttlNanos;
    /** Bumped by every eviction. */
    private long generation;

    /** @param ttl how long a value is reused; zero turns the cache off */
    public NodeCache(Duration ttl) {
        this(ttl, Integer.MAX_VALUE);
    }

    /**
     * @param ttl how long a value is reused; zero turns the cache off
     * @param maxSize how many values are kept at most
     * @since 1.1
     */
    public NodeCache(Duration ttl, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be positive");
        }
        this.maxSize = maxSize;
        ttl(ttl);
    }

    /** Changes the time to live (e.g. from a configuration) and forgets every value. */
    public void ttl(Duration ttl) {
        ttlNanos = Math.max(0, ttl.toNanos());
        evictAll();
    }

    /** @return the key's value: reused while fresh, else loaded by {@code loader} (and kept, unless an eviction intervened) */
    public V get(K key, Supplier<V> loader) {
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e != null && (e.expiresNanos() - now > 0 || !e.reloading().compareAndSet(false, true))) {
            return e.value(); // fresh, or expired while another caller loads it again
        }
        long started;
        synchronized (this) {
            started = generation;
        }
        V value;
        try {
            value = loader.get();
        } catch (RuntimeException | Error failed) {
            if (e != null) {
                e.reloading().set(false); // the next caller tries again
            }
            throw failed;
        }
        long ttl = ttlNanos;
        if (ttl > 0) {
            synchronized (this) {
                if (generation == started) {
                    if (entries.size() >= maxSize) {
                        entries.values().removeIf(old -> old.expiresNanos() - now <= 0);
                        if (entries.size() >= maxSize) {
                            entries.clear();
                        }
                    }
                    entries.put(key, new Entry<>(now + ttl, value));
                }
            }
        }
        return value;
    }

    /** Forgets the values whose key matches; call it after a write of this node committed. */
    public void evict(Predicate<? super K> which) {
        synchronized (this) {
            generation++;
            entries.keySet().removeIf(which);
        }
    }

    /** Forgets every value. */
    public void evictAll() {
        evict(k -> true);
    }
}
