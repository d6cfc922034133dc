package org.zhurnal.core.api.persistence;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Database failures that are a passing condition of concurrent load rather than a defect of the request or the code:
 * a transaction rolled back as a deadlock victim or after a lock timeout (SQLState class {@code 40}, PostgreSQL's
 * {@code 55P03}), or a read whose result set or connection the database closed under concurrent load (Derby's
 * {@code XCL16} and {@code 08003}). Such a failure wrote nothing; the same work may run again — after a pause
 * ({@link #backOff}): the transactions that collided were started together and, tried again at once, collide again.
 */
public final class TransientFailures {
    /** Attempts of {@link #retryRead}. */
    public static final int ATTEMPTS = 3;

    /** The shortest pause of {@link #backOff} after the first failed attempt, in milliseconds. */
    public static final long FIRST_PAUSE_MILLIS = 10;

    private TransientFailures() {
    }

    /** @return whether the SQLState names a transient failure (see the class) */
    public static boolean isTransientState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("40") || sqlState.equals("55P03") || sqlState.equals("XCL16")
                || sqlState.equals("08003"));
    }

    /** @return the first {@link SQLException} with a transient state among {@code e} and its causes, or null */
    public static SQLException transientCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }

    /**
     * Runs a read, again after a transient failure (at most {@value #ATTEMPTS} times in all); any other failure, and
     * the last transient one, is thrown as it is. Only for work that writes nothing.
     */
    public static <T> T retryRead(Supplier<T> read) {
        for (int attempt = 1;; attempt++) {
            try {
                return read.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || transientCause(e) == null) {
                    throw e;
                }
            }
            backOff(attempt);
        }
    }

    /**
     * Waits before the next attempt of work that failed transiently: after the n-th failed attempt between b and 3b
     * milliseconds, b = {@value #FIRST_PAUSE_MILLIS} · 4<sup>n−1</sup> (10–30 ms, 40–120 ms, 160–480 ms, …), at random
     * within that range so that the transactions that collided (two deadlock victims, the writers that met one lock)
     * do not start again together. An interrupt ends the pause early and stays set.
     *
     * @param failedAttempts how many attempts have failed so far (1 or more)
     */
    public static void backOff(int failedAttempts) {
        long base = FIRST_PAUSE_MILLIS << (2 * Math.min(Math.max(failedAttempts, 1) - 1, 5));
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(2 * base + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
