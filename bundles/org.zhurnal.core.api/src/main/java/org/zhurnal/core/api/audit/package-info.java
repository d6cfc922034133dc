/**
 * The append-only, hash-chained audit log every module writes to in its own transaction.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.zhurnal.core.api.audit;
