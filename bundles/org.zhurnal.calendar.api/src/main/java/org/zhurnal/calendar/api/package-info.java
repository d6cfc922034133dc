/**
 * The calendar module's API.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.zhurnal.calendar.api;
