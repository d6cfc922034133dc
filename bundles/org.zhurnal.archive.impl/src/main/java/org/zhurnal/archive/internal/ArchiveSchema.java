package org.zhurnal.archive.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.persistence.SchemaMigrator;

/** Present once the archive tables are migrated. */
@Component(service = ArchiveSchema.class)
public class ArchiveSchema {
    @Activate
    public ArchiveSchema(@Reference SchemaMigrator migrator, BundleContext context) {
        migrator.migrate(context.getBundle(), "db/archive.changelog.xml");
    }
}
