package org.zhurnal.core.api.demo;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** What the demo loader gives each contributor. */
@ProviderType
public interface DemoContext {

    /** @return the demo municipality's id */
    String municipalityId();

    /** @return the demo school's id */
    String schoolId();

    /**
     * Ids shared between contributors (e.g. roster puts {@code "student.ivanova"}); later contributors
     * read what earlier ones put. Thread-confined to one load.
     */
    Map<String, String> shared();

    /** Records a demo login so the loader can print how to sign in. */
    void credential(String login, String password, String description);

    /**
     * @return 0 for the demo school itself; n for the n-th generated neighbour school of the demo municipality
     *         ({@link DemoLoader#loadNeighbours}). Contributors vary their generated data by it (seeds, habits) and
     *         issue sign-in accounts only for the demo school itself.
     * @since 1.1
     */
    default int variant() {
        return 0;
    }

    /**
     * @return the first day of generated day-to-day activity (the journal); empty: the start of the academic year
     * @since 1.1
     */
    default Optional<LocalDate> activityFrom() {
        return Optional.empty();
    }
}
