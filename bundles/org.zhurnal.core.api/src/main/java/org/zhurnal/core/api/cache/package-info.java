/**
 * Read caches of one node for data that rarely changes and that other nodes may change too.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.zhurnal.core.api.cache;
