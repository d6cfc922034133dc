package org.zhurnal.core.internal.persistence;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.persistence.SchemaMigrator;

/**
 * Present as a service once the core tables are migrated; every core component that touches the
 * database references it so it never runs against an old schema.
 */
@Component(service = CoreSchema.class)
public class CoreSchema {
    @Activate
    public CoreSchema(@Reference SchemaMigrator migrator, BundleContext context) {
        migrator.migrate(context.getBundle(), "db/core.changelog.xml");
    }
}
