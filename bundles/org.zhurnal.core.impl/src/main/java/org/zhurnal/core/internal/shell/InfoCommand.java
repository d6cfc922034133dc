package org.zhurnal.core.internal.shell;

import java.sql.Connection;
import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.ZhurnalConstants;
import org.zhurnal.core.api.tenancy.TenantService;

@Command(scope = "zhurnal", name = "info", description = "Shows Zhurnal's version, database, clock, schools and modules")
@Service
public class InfoCommand implements Action {
    @Reference
    BundleContext context;
    @Reference
    TenantService tenants;
    @Reference
    ZhurnalClock clock;
    @Reference(optional = true)
    DataSource dataSource;

    @Override
    public Object execute() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("Zhurnal ").append(context.getBundle().getVersion()).append('\n');
        out.append("Clock:    ").append(clock.now()).append(" (").append(clock.zone()).append(")\n");
        if (dataSource != null) {
            try (Connection c = dataSource.getConnection()) {
                DatabaseMetaData md = c.getMetaData();
                out.append("Database: ").append(md.getDatabaseProductName()).append(' ')
                        .append(md.getDatabaseProductVersion()).append(" — ").append(md.getURL()).append('\n');
            }
        }
        out.append("Schools:  ").append(tenants.schools(null).size()).append(" in ")
                .append(tenants.municipalities().size()).append(" municipalities\n");
        out.append("Modules:\n");
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith(ZhurnalConstants.BUNDLE_PREFIX)) {
                out.append(String.format("  %-40s %-22s %s%n", b.getSymbolicName(), b.getVersion(), state(b.getState())));
            }
        }
        System.out.print(out);
        return null;
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
