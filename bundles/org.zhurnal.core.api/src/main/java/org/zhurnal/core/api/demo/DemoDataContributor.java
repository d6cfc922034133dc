package org.zhurnal.core.api.demo;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's part of the demo school. The demo loader calls every contributor in {@link #order()};
 * each writes through its module's own (transactional, audited) services, and must be idempotent
 * (loading twice changes nothing).
 */
@ConsumerType
public interface DemoDataContributor {

    /** @return a stable id, e.g. {@code "security"} */
    String id();

    /** @return contributors run in ascending order; core is 0, roster 100, calendar 200, ... */
    int order();

    /** Loads this module's demo data for the demo school described by {@code context}. */
    void load(DemoContext context) throws Exception;
}
