package org.zhurnal.core.api.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class InListsTest {
    @Test
    void listsGetThePowerOfTwoAtOrAboveTheirLengthThenMultiplesOf1024() {
        int[][] cases = {{0, 0}, {1, 1}, {2, 2}, {3, 4}, {4, 4}, {5, 8}, {8, 8}, {9, 16}, {100, 128}, {513, 1024}, {1024, 1024},
            {1025, 2048}, {2049, 3072}};
        for (int[] c : cases) {
            assertEquals(c[1], InLists.length(c[0]), "length of " + c[0]);
        }
        assertThrows(IllegalArgumentException.class, () -> InLists.length(-1));
    }

    @Test
    void paddingRepeatsTheLastValueAndPlaceholdersMatchIt() {
        assertEquals(List.of("a", "b", "c", "c"), InLists.padded(List.of("a", "b", "c")));
        assertEquals(List.of(), InLists.padded(List.of()));
        assertEquals("?3, ?4, ?5, ?6", InLists.placeholders(3, 3));
        assertEquals("", InLists.placeholders(0, 1));
    }

    /** Against a real Derby: every length from 1 to 300 finds exactly its rows, with ten statement texts in all. */
    @Test
    void paddedListsFindTheSameRowsWithFewStatements() throws SQLException {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        try (Connection c = DriverManager.getConnection("jdbc:derby:memory:inlists;create=true")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id VARCHAR(20) PRIMARY KEY)");
                s.execute("CALL SYSCS_UTIL.SYSCS_EMPTY_STATEMENT_CACHE()");
            }
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                rows.add(new Object[] {"k" + i});
            }
            RowInserts.insert(c, "t", List.of("id"), rows);
            for (int n = 1; n <= 300; n++) {
                List<String> wanted = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    wanted.add("k" + (i * 7 % 450)); // some of them (k400 and above) are not in the table
                }
                List<String> bound = InLists.padded(wanted);
                Set<String> found = new TreeSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM t WHERE id IN (" + InLists.placeholders(n, 1)
                        .replaceAll("\\?\\d+", "?") + ")")) {
                    for (int i = 0; i < bound.size(); i++) {
                        ps.setString(i + 1, bound.get(i));
                    }
                    try (ResultSet r = ps.executeQuery()) {
                        while (r.next()) {
                            found.add(r.getString(1));
                        }
                    }
                }
                Set<String> expected = new TreeSet<>();
                wanted.stream().filter(k -> Integer.parseInt(k.substring(1)) < 400).forEach(expected::add);
                assertEquals(expected, found, n + " values");
            }
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM SYSCS_DIAG.STATEMENT_CACHE WHERE SQL_TEXT LIKE 'SELECT id FROM t WHERE id IN%'")) {
                r.next();
                assertEquals(10, r.getInt(1), "1, 2, 4, … 256 and 512 parameters");
            }
        }
    }
}
