/**
 * Versioned schema migrations that each module runs for its own tables, multi-row inserts for bulk writes,
 * time-ordered identifiers for the rows written in bulk, and the recognition (and retry) of transient database failures.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.1")
package org.zhurnal.core.api.persistence;
