package org.zhurnal.core.api.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.ProblemException;

/** Multi-row inserts against a real (in-memory) Derby database. */
class RowInsertsTest {
    private static final List<String> COLUMNS = List.of("id", "name", "born", "flag", "made_at", "body");
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        c = DriverManager.getConnection("jdbc:derby:memory:rowinserts;create=true");
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id VARCHAR(36) PRIMARY KEY, name VARCHAR(100) NOT NULL, born VARCHAR(10), flag BOOLEAN NOT NULL, "
                    + "made_at BIGINT NOT NULL, body CLOB)");
        }
        c.commit();
    }

    @AfterEach
    void close() throws SQLException {
        c.rollback();
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE t");
        }
        c.commit();
        c.close();
    }

    private static List<Object[]> rows(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // every third row has NULLs in its nullable columns
            rows.add(new Object[] {"id-" + i, "Имя " + i, i % 3 == 0 ? null : "2010-01-0" + (i % 9 + 1), i % 2 == 0, 1000L + i,
                i % 3 == 0 ? null : "{\"n\":" + i + "}"});
        }
        return rows;
    }

    @Test
    void insertsEveryRowAcrossStatementsWithNulls() throws SQLException {
        int n = RowInserts.ROWS_PER_STATEMENT * 2 + 7; // two full statements and a shorter one
        RowInserts.insert(c, "t", COLUMNS, rows(n));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name, born, flag, made_at, body FROM t ORDER BY made_at")) {
            int i = 0;
            while (rs.next()) {
                assertEquals("id-" + i, rs.getString(1));
                assertEquals("Имя " + i, rs.getString(2));
                if (i % 3 == 0) {
                    assertNull(rs.getString(3));
                    assertNull(rs.getString(6));
                } else {
                    assertEquals("2010-01-0" + (i % 9 + 1), rs.getString(3));
                    assertEquals("{\"n\":" + i + "}", rs.getString(6));
                }
                assertEquals(i % 2 == 0, rs.getBoolean(4));
                assertEquals(1000L + i, rs.getLong(5));
                i++;
            }
            assertEquals(n, i);
        }
    }

    @Test
    void aDuplicateKeyIsAConflict() {
        RowInserts.insert(c, "t", COLUMNS, rows(3));
        ProblemException e = assertThrows(ProblemException.class, () -> RowInserts.insert(c, "t", COLUMNS, rows(5)));
        assertEquals(409, e.status());
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        List<Object[]> rows = new ArrayList<>(rows(2));
        rows.add(new Object[] {"id-x", "short"});
        assertThrows(IllegalArgumentException.class, () -> RowInserts.insert(c, "t", COLUMNS, rows));
    }

    @Test
    void numberedSqlForNativeQueries() {
        assertEquals("INSERT INTO t (a, b) VALUES (?1, ?2), (?3, ?4)", RowInserts.sql("t", List.of("a", "b"), 2));
    }

    @Test
    void insertAndReleaseClosesTheLentHandleAndKeepsItsRows() throws SQLException {
        Connection handle = DriverManager.getConnection("jdbc:derby:memory:rowinserts");
        RowInserts.insertAndRelease(handle, "t", COLUMNS, rows(3));
        assertTrue(handle.isClosed());
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            assertEquals(3, rs.getInt(1)); // the handle was in auto-commit mode: its rows are there for others
        }
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM t");
        }
        c.commit();
    }
}
