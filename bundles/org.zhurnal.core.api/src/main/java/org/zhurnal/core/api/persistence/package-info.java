/**
 * Versioned schema migrations that each module runs for its own tables, and multi-row inserts for bulk writes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.zhurnal.core.api.persistence;
