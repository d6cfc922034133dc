package org.zhurnal.calendar.internal;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.persistence.SchemaMigrator;

/** Present once the calendar tables are migrated. */
@Component(service = CalendarSchema.class)
public class CalendarSchema {
    @Activate
    public CalendarSchema(@Reference SchemaMigrator migrator, BundleContext context) {
        migrator.migrate(context.getBundle(), "db/calendar.changelog.xml");
    }
}
