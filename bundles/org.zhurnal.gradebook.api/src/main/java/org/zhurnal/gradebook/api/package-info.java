/**
 * The gradebook module's API: read access to the journal (lessons, attendance, marks, final grades,
 * forecasts, timeliness) for other modules, and the types of its domain events.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.zhurnal.gradebook.api;
