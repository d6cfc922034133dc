package org.zhurnal.itests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import javax.sql.DataSource;

/** Waiting for rows that the server writes in the background (a domain-event listener's progress row, for one). */
final class Rows {
    private Rows() {
    }

    /** Waits until {@code sql} (a {@code SELECT COUNT(*)} with one parameter) counts more than zero. */
    static void await(DataSource dataSource, String sql, String param, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + sql + " with " + param);
    }

    /**
     * Waits until the event dispatcher has met the listener {@code listenerId} and set it at the end of the log: events
     * published before that are not the listener's (a new listener does not replay history).
     */
    static void awaitListener(DataSource dataSource, String listenerId, Duration timeout) throws Exception {
        await(dataSource, "SELECT COUNT(*) FROM zh_event_listener WHERE listener_id = ?", listenerId, timeout);
    }
}
