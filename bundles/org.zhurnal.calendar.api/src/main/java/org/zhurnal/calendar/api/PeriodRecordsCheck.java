package org.zhurnal.calendar.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.zhurnal.core.api.Text;

/**
 * What another module has recorded for a reporting period, asked by the calendar before it deletes one: grades given
 * for the period would belong to no period afterwards. A module that keeps such records (the gradebook: period grades)
 * registers one as an OSGi service (whiteboard); the calendar then refuses the deletion, naming what is recorded.
 *
 * @since 1.4
 */
@ConsumerType
public interface PeriodRecordsCheck {

    /**
     * @param periodId the reporting period
     * @return what is recorded for it, one text per kind with its count («оценки за период: 25»); empty when nothing is;
     *         never {@code null}
     */
    List<Text> recordedFor(String periodId);
}
