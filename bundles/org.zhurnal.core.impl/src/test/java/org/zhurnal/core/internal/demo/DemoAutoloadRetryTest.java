package org.zhurnal.core.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The demo load at start is run again after a transient database failure, and only then. */
class DemoAutoloadRetryTest {
    /** As OpenJPA reports a lock timeout: its own exception with the driver's SQLException as the cause. */
    private static RuntimeException lockTimeout() {
        return new IllegalStateException("Unable to obtain an object lock",
                new SQLException("A lock could not be obtained within the time requested", "40XL1", 30000));
    }

    @Test
    void aLoadThatMeetsALockTimeoutIsRunAgain() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        DemoAutoload.withRetries(() -> {
            if (runs.incrementAndGet() == 1) {
                throw lockTimeout();
            }
        }, 1);
        assertEquals(2, runs.get());
    }

    @Test
    void anotherFailureEndsTheLoadAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        IllegalArgumentException bad = new IllegalArgumentException("a defect, not a passing condition");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> DemoAutoload.withRetries(() -> {
            runs.incrementAndGet();
            throw bad;
        }, 1));
        assertSame(bad, thrown);
        assertEquals(1, runs.get());
    }

    @Test
    void theLastTransientFailureIsThrown() {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> DemoAutoload.withRetries(() -> {
            runs.incrementAndGet();
            throw lockTimeout();
        }, 1));
        assertEquals("40XL1", ((SQLException) thrown.getCause()).getSQLState());
        assertEquals(DemoAutoload.LOAD_ATTEMPTS, runs.get());
    }
}
