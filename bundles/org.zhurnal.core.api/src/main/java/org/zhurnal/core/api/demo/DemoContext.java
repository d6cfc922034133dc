package org.zhurnal.core.api.demo;

import java.util.Map;

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
}
