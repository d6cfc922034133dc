package org.zhurnal.roster.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.persistence.SchemaMigrator;

/** Present once the roster tables are migrated. */
@Component(service = RosterSchema.class)
public class RosterSchema {
    @Activate
    public RosterSchema(@Reference SchemaMigrator migrator, BundleContext context) {
        migrator.migrate(context.getBundle(), "db/roster.changelog.xml");
    }
}
