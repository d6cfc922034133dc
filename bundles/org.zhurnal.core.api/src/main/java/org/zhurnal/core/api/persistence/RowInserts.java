package org.zhurnal.core.api.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.zhurnal.core.api.ProblemException;

/**
 * Multi-row {@code INSERT … VALUES (…), (…)} statements: one statement of many rows costs the database about what one
 * row costs, so bulk writes (an import's tens of thousands of new rows, a lesson's dozen events) use these instead of
 * one statement, or one managed entity, per row. Statements carry at most {@value #ROWS_PER_STATEMENT} rows, so only
 * two statement texts per table and row count reach the database's statement cache.
 */
public final class RowInserts {
    /** Rows per statement. */
    public static final int ROWS_PER_STATEMENT = 50;

    private RowInserts() {
    }

    /**
     * @return {@code INSERT INTO table (c1, c2) VALUES (?, ?), (?, ?)…} for {@code rows} rows, parameters numbered
     *         from 1 row by row ({@code ?n} form, usable as a JPA native query and as JDBC)
     */
    public static String sql(String table, List<String> columns, int rows) {
        return build(table, columns, rows, true);
    }

    private static String build(String table, List<String> columns, int rows, boolean numbered) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(String.join(", ", columns))
                .append(") VALUES ");
        int n = 1;
        for (int r = 0; r < rows; r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.size(); c++) {
                sql.append(c == 0 ? "?" : ", ?");
                if (numbered) {
                    sql.append(n++);
                }
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /**
     * {@link #insert(Connection, String, List, List)} on a connection handle that a persistence provider lends for its
     * current transaction (JPA: {@code entityManager.unwrap(Connection.class)} after a flush), then closes the handle:
     * the transaction and its connection go on.
     */
    public static void insertAndRelease(Connection handle, String table, List<String> columns, List<Object[]> rows) {
        try (Connection c = handle) {
            insert(c, table, columns, rows);
        } catch (SQLException e) {
            throw new IllegalStateException("Releasing the connection after inserting into " + table + " failed", e);
        }
    }

    /**
     * Inserts the rows on the given connection (the caller's transaction; the connection is not closed), in order,
     * {@value #ROWS_PER_STATEMENT} per statement. A {@code null} value is written as SQL NULL of the column's type.
     *
     * @param rows each row's values in the order of {@code columns}
     * @throws ProblemException 409 when a row collides with a unique key (someone wrote the same row at the same time)
     */
    public static void insert(Connection connection, String table, List<String> columns, List<Object[]> rows) {
        int width = columns.size();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            try (PreparedStatement ps = connection.prepareStatement(build(table, columns, part.size(), false))) {
                int n = 1;
                for (Object[] row : part) {
                    if (row.length != width) {
                        throw new IllegalArgumentException(table + ": a row has " + row.length + " values for " + width + " columns");
                    }
                    for (Object value : row) {
                        ps.setObject(n++, value);
                    }
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    throw ProblemException.conflict("concurrent-modification",
                            "Some of these records were written by someone else at the same time; reload and try again");
                }
                throw new IllegalStateException("Inserting into " + table + " failed", e);
            }
        }
    }
}
