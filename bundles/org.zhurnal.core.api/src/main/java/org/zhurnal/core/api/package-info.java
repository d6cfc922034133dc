/**
 * Core API: the clock, problems (RFC 9457 errors) and shared constants.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.zhurnal.core.api;
