package org.zhurnal.bells.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.persistence.SchemaMigrator;

/** Present once the bells tables are migrated. */
@Component(service = BellsSchema.class)
public class BellsSchema {
    @Activate
    public BellsSchema(@Reference SchemaMigrator migrator, BundleContext context) {
        migrator.migrate(context.getBundle(), "db/bells.changelog.xml");
    }
}
