package org.zhurnal.security.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.persistence.SchemaMigrator;

/** Present once the security tables are migrated. */
@Component(service = SecuritySchema.class)
public class SecuritySchema {
    @Activate
    public SecuritySchema(@Reference SchemaMigrator migrator, BundleContext context) {
        migrator.migrate(context.getBundle(), "db/security.changelog.xml");
    }
}
