package org.zhurnal.core.api.persistence;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Runs a module's versioned schema migrations (Liquibase changelogs in the module's own bundle)
 * against the shared data source. Modules call it when their persistence component activates, before
 * touching their tables. Runs are serialised within a node and locked across nodes; a run that
 * finds nothing new is a no-op.
 */
@ProviderType
public interface SchemaMigrator {

    /**
     * @param bundle the bundle that contains the changelog
     * @param changelog path of the changelog inside the bundle, e.g. {@code db/core.changelog.xml}
     * @throws IllegalStateException when the migration fails (the module must not start)
     */
    void migrate(Bundle bundle, String changelog);
}
