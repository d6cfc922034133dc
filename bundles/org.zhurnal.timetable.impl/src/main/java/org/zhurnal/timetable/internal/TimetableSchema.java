package org.zhurnal.timetable.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.persistence.SchemaMigrator;

/** Present once the timetable tables are migrated. */
@Component(service = TimetableSchema.class)
public class TimetableSchema {
    @Activate
    public TimetableSchema(@Reference SchemaMigrator migrator, BundleContext context) {
        migrator.migrate(context.getBundle(), "db/timetable.changelog.xml");
    }
}
