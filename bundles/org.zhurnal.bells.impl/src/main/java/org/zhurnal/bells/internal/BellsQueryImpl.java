package org.zhurnal.bells.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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
    /** schedulesFor answers at most this many days at once (a little more than a year). */
    static final int MAX_RANGE_DAYS = 400;

    private final JpaTemplate jpa;
    private final SchoolBells bells;

    @Activate
    public BellsQueryImpl(@Reference(target = "(osgi.unit.name=zhurnal-bells)") JpaTemplate jpa, @Reference BellsSchema schema,
            @Reference SchoolBells bells) {
        this.jpa = jpa;
        this.bells = bells;
    }

    /** The school's bells (reused, see {@link SchoolBells}). */
    private SchoolBells.Bells bells(String schoolId) {
        return bells.of(schoolId, () -> jpa.txExpr(TransactionType.Supports, em -> SchoolBells.load(em, schoolId)));
    }

    @Override
    public List<BellSchedule> schedules(String schoolId) {
        return bells(schoolId).schedules();
    }

    @Override
    public Optional<BellSchedule> scheduleFor(String schoolId, LocalDate date) {
        if (schoolId == null || date == null) {
            return Optional.empty();
        }
        return bells(schoolId).on(date);
    }

    @Override
    public SortedMap<LocalDate, BellSchedule> schedulesFor(String schoolId, LocalDate from, LocalDate to) {
        if (schoolId == null || from == null || to == null || to.isBefore(from)) {
            return Collections.unmodifiableSortedMap(new TreeMap<>());
        }
        if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("At most " + MAX_RANGE_DAYS + " days at once");
        }
        return Collections.unmodifiableSortedMap(bells(schoolId).between(from, to));
    }
}
