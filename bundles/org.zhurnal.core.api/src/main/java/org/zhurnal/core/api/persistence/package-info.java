/**
 * Versioned schema migrations that each module runs for its own tables.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.zhurnal.core.api.persistence;
