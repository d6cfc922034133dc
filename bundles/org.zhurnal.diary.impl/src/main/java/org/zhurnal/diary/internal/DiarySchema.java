package org.zhurnal.diary.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.persistence.SchemaMigrator;

/** Present once the diary tables are migrated. */
@Component(service = DiarySchema.class)
public class DiarySchema {
    @Activate
    public DiarySchema(@Reference SchemaMigrator migrator, BundleContext context) {
        migrator.migrate(context.getBundle(), "db/diary.changelog.xml");
    }
}
