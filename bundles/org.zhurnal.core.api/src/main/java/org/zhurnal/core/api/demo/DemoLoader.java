package org.zhurnal.core.api.demo;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Loads the demo school by running every {@link DemoDataContributor}. */
@ProviderType
public interface DemoLoader {

    /**
     * Loads (or completes) the demo school. Idempotent.
     *
     * @return one line per demo login: login, password, description
     */
    List<String> load();

    /**
     * Generates further schools of the demo municipality («Школа № 8», «Школа № 9», …) for benchmarks and training:
     * every contributor loads each as a variant of the demo school ({@link DemoContext#variant()}: other people,
     * timetable and habits), with the journal from {@code activityFrom}. No sign-in accounts are issued for them.
     * Idempotent: a school loaded before is completed, not duplicated. Loads the demo school first if needed.
     *
     * @param count how many neighbour schools there should be (1–200)
     * @param activityFrom the first day of their journal, or {@code null} for the start of the academic year
     * @return the ids of the neighbour schools, in order
     * @since 1.1
     */
    List<String> loadNeighbours(int count, LocalDate activityFrom);
}
