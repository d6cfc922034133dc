package org.zhurnal.core.api.demo;

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
}
