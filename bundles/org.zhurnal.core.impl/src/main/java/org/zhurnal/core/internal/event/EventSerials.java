package org.zhurnal.core.internal.event;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serial numbers of outbox rows ({@code zh_event.serial}, the order in which the sequencer positions committed rows).
 * <p>
 * On embedded Derby the JVM numbers the rows itself. The column is an identity, and Derby (10.11 and later) draws an
 * identity's values from a system sequence, and refills the sequence's preallocated range by updating its catalog row
 * without waiting for locks: when concurrent writers of the table hold that row, the insert fails at once with
 * {@code 40XL1} ("A lock could not be obtained within the time requested"). The first refill comes with the first insert
 * after each boot, when every module writes at once: this failed the demo school's roster import at a start (the demo
 * load was not retried then), and the journal's cold-start entries, which retries absorbed. {@code EventSerialsTest}
 * shows it on a real Derby: eight concurrent writers of 150 transactions each lost 56–177 of the 1,200 to 40XL1 in four
 * runs with Derby's default range of 100 values, and none with serials from here. An embedded database has one JVM
 * writing to it, so numbering in the JVM is safe: counting up from the highest serial stored plus {@link #MARGIN}.
 * The margin keeps this class loader's numbers clear of any still given
 * out by a previous one (a refreshed bundle's transactions in flight); a gap in the serials is harmless, since they only
 * order the outbox.
 * <p>
 * Elsewhere (PostgreSQL: a sequence that is not transactional and never waits, shared by every node) the database
 * numbers the rows, as before.
 */
final class EventSerials {
    /** How far above the highest stored serial the JVM starts numbering. */
    static final long MARGIN = 1_000_000;

    /** The serials of the bundle's class loader: a re-activated component keeps counting, it does not seed again. */
    static final EventSerials SHARED = new EventSerials();

    private volatile Boolean numbering;
    private final AtomicLong last = new AtomicLong();

    /**
     * Decides on the first call, from the database behind {@code c}, whether this JVM numbers the rows, and seeds the
     * numbers on Derby (reading the highest serial in the caller's transaction).
     *
     * @return whether the rows take their serial from {@link #next()}; otherwise the database gives it
     */
    boolean numbersRows(Connection c) throws SQLException {
        Boolean n = numbering;
        if (n != null) {
            return n;
        }
        synchronized (this) {
            if (numbering == null) {
                boolean derby = c.getMetaData().getDatabaseProductName().startsWith("Apache Derby");
                if (derby) {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(serial) FROM zh_event")) {
                        rs.next();
                        last.set(rs.getLong(1) + MARGIN);
                    }
                }
                numbering = derby;
            }
            return numbering;
        }
    }

    /** @return whether this JVM numbers the rows, or {@code null} before the first {@link #numbersRows} */
    Boolean decided() {
        return numbering;
    }

    /** @return the next serial (only after {@link #numbersRows} answered true) */
    long next() {
        return last.incrementAndGet();
    }
}
