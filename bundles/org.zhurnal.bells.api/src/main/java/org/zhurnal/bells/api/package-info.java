/**
 * The bells module's API.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.zhurnal.bells.api;
