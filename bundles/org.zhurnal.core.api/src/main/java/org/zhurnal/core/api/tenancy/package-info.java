/**
 * Tenancy: municipalities and their schools. Every school-owned row carries its school id.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.zhurnal.core.api.tenancy;
