import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;

/**
 * What the audit table's keys cost an entry's append (docs/benchmarks.md, Gradebook stop 28): an on-disk Derby database
 * (32-KiB pages, as the distribution), the table as core.changelog.xml creates it with either key, N chains of one
 * school, PRELOAD rows, then TX transactions of 11 rows each (a lesson entry's audit: a mark's or an absence's JSON of
 * about 300 characters, one multi-row INSERT, as AuditLogImpl.recordAll). Prints the thread's CPU time and the wall time per
 * transaction. Usage: java AuditKeys old|new [preload] [transactions]
 */
public class AuditKeys {
    public static void main(String[] a) throws Exception {
        boolean old = a[0].equals("old");
        int preload = a.length > 1 ? Integer.parseInt(a[1]) : 100_000;
        int txs = a.length > 2 ? Integer.parseInt(a[2]) : 3_000;
        Path dir = Files.createTempDirectory("auditkeys");
        System.setProperty("derby.system.home", dir.toString());
        System.setProperty("derby.storage.pageSize", "32768");
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        try (Connection c = DriverManager.getConnection("jdbc:derby:db;create=true")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE zh_audit_entry (id VARCHAR(90) NOT NULL" + (old ? " PRIMARY KEY" : "") + ", chain_id VARCHAR(64) NOT NULL, "
                        + "seq BIGINT NOT NULL, recorded_at BIGINT NOT NULL, actor_id VARCHAR(64) NOT NULL, actor_login VARCHAR(200) NOT NULL, "
                        + "request_id VARCHAR(64) NOT NULL, entity_type VARCHAR(100) NOT NULL, entity_id VARCHAR(200) NOT NULL, op VARCHAR(50) NOT NULL, "
                        + "before_json CLOB, after_json CLOB, prev_hash VARCHAR(64) NOT NULL, hash VARCHAR(64) NOT NULL)");
                s.execute(old ? "ALTER TABLE zh_audit_entry ADD CONSTRAINT uq_audit_chain_seq UNIQUE (chain_id, seq)"
                        : "ALTER TABLE zh_audit_entry ADD CONSTRAINT pk_audit_entry PRIMARY KEY (chain_id, seq)");
                s.execute("CREATE INDEX ix_audit_entity ON zh_audit_entry (entity_type, entity_id)");
            }
            c.setAutoCommit(false);
            String school = UUID.randomUUID().toString();
            long[] seq = new long[32];
            StringBuilder sql = new StringBuilder("INSERT INTO zh_audit_entry (id, chain_id, seq, recorded_at, actor_id, actor_login, "
                    + "request_id, entity_type, entity_id, op, before_json, after_json, prev_hash, hash) VALUES ");
            for (int r = 0; r < 11; r++) {
                sql.append(r == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            String hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
            String json = "{\"id\":\"%s\",\"occurrenceId\":\"4d0c7dd2-1f0e-4b43-9a55-2b7f1e8c0a11/2026-11-30/3\",\"studentId\":\"%s\","
                    + "\"lessonDate\":\"2026-11-30\",\"subject\":\"Математика\",\"schemeId\":\"five-point\",\"value\":\"4\",\"numericValue\":4.0,"
                    + "\"workType\":\"ORAL\",\"weight\":1.0,\"workDate\":\"2026-11-30\",\"comment\":null,\"countsInAverage\":true,"
                    + "\"visibleToFamily\":true,\"recordedBy\":\"teacher\"}";
            var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                long cpu0 = 0, wall0 = 0;
                for (int t = 0; t < preload / 11 + txs; t++) {
                    if (t == preload / 11) {
                        cpu0 = bean.getCurrentThreadCpuTime();
                        wall0 = System.nanoTime();
                    }
                    int chain = t % 32;
                    String chainId = chain == 0 ? school : school + "~" + chain;
                    int p = 1;
                    for (int r = 0; r < 11; r++) {
                        long s = ++seq[chain];
                        String entity = UUID.randomUUID().toString();
                        ps.setString(p++, chainId + ":" + s);
                        ps.setString(p++, chainId);
                        ps.setLong(p++, s);
                        ps.setLong(p++, System.currentTimeMillis());
                        ps.setString(p++, "account-" + (t % 50));
                        ps.setString(p++, "teacher" + (t % 50));
                        ps.setString(p++, UUID.randomUUID().toString());
                        ps.setString(p++, r == 10 ? "journal-lesson" : "mark");
                        ps.setString(p++, entity);
                        ps.setString(p++, "create");
                        ps.setString(p++, null);
                        ps.setString(p++, String.format(json, entity, UUID.randomUUID()));
                        ps.setString(p++, hash);
                        ps.setString(p++, hash);
                    }
                    ps.executeUpdate();
                    c.commit();
                }
                System.out.printf("%s key: %.0f µs CPU, %.0f µs wall per transaction of 11 rows (%d transactions after %d rows)%n",
                        old ? "old (id + unique chain, seq)" : "new (chain, seq)", (bean.getCurrentThreadCpuTime() - cpu0) / 1e3 / txs,
                        (System.nanoTime() - wall0) / 1e3 / txs, txs, preload);
            }
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (java.sql.SQLException expected) {
            // Derby reports a clean shutdown as an exception
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
