/**
 * UI contributions: modules add pages to the browser shell by registering services.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.zhurnal.core.api.ui;
