package org.zhurnal.core.internal.persistence;

import java.sql.Connection;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.persistence.SchemaMigrator;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.Scope;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Runs module changelogs with Liquibase. Liquibase was chosen over Flyway because it is a current
 * OSGi bundle (Flyway's last bundle is 9.x) and its XML changelogs produce the right DDL for both Derby
 * and PostgreSQL from one source. Runs are serialised inside the node; Liquibase's lock table
 * serialises nodes.
 */
@Component(service = SchemaMigrator.class)
public class LiquibaseMigrator implements SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseMigrator.class);

    private final DataSource dataSource;

    @Activate
    public LiquibaseMigrator(@Reference(target = "(osgi.jndi.service.name=zhurnal)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void migrate(Bundle bundle, String changelog) {
        long start = System.nanoTime();
        ClassLoader loader = bundle.adapt(BundleWiring.class).getClassLoader();
        try (Connection c = dataSource.getConnection()) {
            Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            String product = db.getDatabaseProductName();
            if (db instanceof DerbyDatabase derby) {
                // Closing must not shut down the embedded engine that the pool still uses.
                derby.setShutdownEmbeddedDerby(false);
            }
            try (Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(loader), db)) {
                // Liquibase's progress goes to the log, not to the console of `bin/karaf server`.
                Scope.child(Scope.Attr.ui.name(), new LoggerUIService(),
                        () -> liquibase.update(new Contexts(), new LabelExpression()));
            }
            LOG.info("Schema of {} is up to date ({} on {}, {} ms)", bundle.getSymbolicName(), changelog,
                    product, (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException("Migration " + changelog + " of " + bundle.getSymbolicName() + " failed", e);
        }
    }
}
