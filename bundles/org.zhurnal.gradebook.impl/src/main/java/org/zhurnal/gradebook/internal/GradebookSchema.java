package org.zhurnal.gradebook.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.persistence.SchemaMigrator;

/** Present once the gradebook tables are migrated. */
@Component(service = GradebookSchema.class)
public class GradebookSchema {
    @Activate
    public GradebookSchema(@Reference SchemaMigrator migrator, BundleContext context) {
        migrator.migrate(context.getBundle(), "db/gradebook.changelog.xml");
    }
}
