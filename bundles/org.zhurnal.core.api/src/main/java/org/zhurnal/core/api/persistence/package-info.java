/**
 * Versioned schema migrations that each module runs for its own tables, multi-row inserts for bulk writes,
 * time-ordered identifiers for the rows written in bulk, {@code IN} lists in a few fixed lengths (so a database
 * compiles few statements), and the recognition (and retry) of transient database failures.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package org.zhurnal.core.api.persistence;
