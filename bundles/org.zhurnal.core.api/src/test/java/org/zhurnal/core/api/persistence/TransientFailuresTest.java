package org.zhurnal.core.api.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TransientFailuresTest {
    /** A provider's wrapping of a JDBC failure, as OpenJPA's PersistenceException wraps Derby's. */
    private static RuntimeException wrapped(String sqlState) {
        return new IllegalStateException("provider", new SQLException("database", sqlState));
    }

    @Test
    void transientStatesAreDeadlocksLockTimeoutsAndReadsClosedUnderLoad() {
        for (String state : new String[] {"40001", "40XL1", "40XL2", "40P01", "55P03", "XCL16", "08003"}) {
            assertTrue(TransientFailures.isTransientState(state), state);
        }
        for (String state : new String[] {"23505", "42X04", "22001", "08001", "XJ004"}) {
            assertFalse(TransientFailures.isTransientState(state), state);
        }
        assertFalse(TransientFailures.isTransientState(null));
        assertNull(TransientFailures.transientCause(wrapped("23505")));
        assertEquals("XCL16", TransientFailures.transientCause(wrapped("XCL16")).getSQLState());
    }

    @Test
    void aReadFailingTransientlyIsRunAgain() {
        AtomicInteger calls = new AtomicInteger();
        String result = TransientFailures.retryRead(() -> {
            if (calls.incrementAndGet() < 3) {
                throw wrapped("XCL16");
            }
            return "rows";
        });
        assertEquals("rows", result);
        assertEquals(3, calls.get());
    }

    @Test
    void theAttemptsArePacedFurtherAndFurtherApart() {
        // After the first failure at least 10 ms, after the second at least 40 ms: no attempt follows another at once.
        java.util.List<Long> starts = new java.util.ArrayList<>();
        String result = TransientFailures.retryRead(() -> {
            starts.add(System.nanoTime());
            if (starts.size() < 3) {
                throw wrapped("40XL1");
            }
            return "rows";
        });
        assertEquals("rows", result);
        long first = (starts.get(1) - starts.get(0)) / 1_000_000;
        long second = (starts.get(2) - starts.get(1)) / 1_000_000;
        assertTrue(first >= TransientFailures.FIRST_PAUSE_MILLIS, first + " ms");
        assertTrue(second >= 4 * TransientFailures.FIRST_PAUSE_MILLIS, second + " ms");
    }

    @Test
    void anInterruptEndsThePauseAndStaysSet() {
        Thread.currentThread().interrupt();
        long start = System.nanoTime();
        TransientFailures.backOff(6); // 10.24–30.72 s if it slept
        assertTrue(Thread.interrupted(), "the interrupt is kept");
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    void theLastTransientFailureAndAnyOtherFailureAreThrownAsTheyAre() {
        AtomicInteger calls = new AtomicInteger();
        RuntimeException transientOne = wrapped("40001");
        assertSame(transientOne, assertThrows(RuntimeException.class, () -> TransientFailures.retryRead(() -> {
            calls.incrementAndGet();
            throw transientOne;
        })));
        assertEquals(TransientFailures.ATTEMPTS, calls.get());

        calls.set(0);
        RuntimeException defect = wrapped("42X04");
        assertSame(defect, assertThrows(RuntimeException.class, () -> TransientFailures.retryRead(() -> {
            calls.incrementAndGet();
            throw defect;
        })));
        assertEquals(1, calls.get(), "a failure that is not transient is not repeated");
    }
}
