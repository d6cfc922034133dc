package org.zhurnal.core.internal.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * An online backup of the embedded Derby database (Derby's {@code SYSCS_BACKUP_DATABASE}: a consistent copy while the
 * platform runs). One word to type or to script ({@code bin/client … 'zhurnal:backup /var/backups/zhurnal/2026-12-02'});
 * the {@code jdbc:execute} form with its nested quotes could not be passed through {@code bin/client} or ssh. On
 * PostgreSQL it refuses and names the database's own tool.
 */
@Command(scope = "zhurnal", name = "backup", description = "Writes an online copy of the embedded Derby database under a directory "
        + "(PostgreSQL: use pg_dump)")
@Service
public class BackupCommand implements Action {
    @Reference(optional = true)
    DataSource dataSource;

    @Argument(index = 0, name = "directory", required = true, description = "Directory to write the copy under (created if missing); "
            + "the copy is its subdirectory named like the database, e.g. zhurnal")
    String directory;

    @Override
    public Object execute() throws Exception {
        if (dataSource == null) {
            System.err.println("The database is not available yet; try again when zhurnal:info shows it");
            return null;
        }
        Path target = Path.of(directory).toAbsolutePath().normalize();
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (!product.toLowerCase(java.util.Locale.ROOT).contains("derby")) {
                System.err.println("The database is " + product + ": back it up with its own tools (PostgreSQL: pg_dump -Fc -f zhurnal.dump "
                        + "<database>); see docs/operations.md, Backups");
                return null;
            }
            if (Files.exists(target) && !Files.isDirectory(target)) {
                System.err.println(target + " is a file, not a directory");
                return null;
            }
            Files.createDirectories(target);
            long t0 = System.nanoTime();
            try (CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, target.toString());
                call.execute();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            System.out.println("Backed up under " + target + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms. To restore: stop Zhurnal, "
                    + "replace data/derby/<database> with the copy, start, then run zhurnal:audit-verify");
        }
        return null;
    }
}
