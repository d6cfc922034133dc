package org.zhurnal.bells.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.bells.api.BellSchedule;
import org.zhurnal.bells.api.BellsQuery;

/** Read-only bell schedules for other modules; no authorization (the callers check it). */
@Component(service = BellsQuery.class)
public class BellsQueryImpl implements BellsQuery {
    private final JpaTemplate jpa;

    @Activate
    public BellsQueryImpl(@Reference(target = "(osgi.unit.name=zhurnal-bells)") JpaTemplate jpa, @Reference BellsSchema schema) {
        this.jpa = jpa;
    }

    @Override
    public List<BellSchedule> schedules(String schoolId) {
        return jpa.txExpr(TransactionType.Supports, em -> Mapping.schedules(em, schoolId));
    }

    @Override
    public Optional<BellSchedule> scheduleFor(String schoolId, LocalDate date) {
        if (schoolId == null || date == null) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Supports, em -> Mapping.scheduleFor(em, schoolId, date));
    }
}
