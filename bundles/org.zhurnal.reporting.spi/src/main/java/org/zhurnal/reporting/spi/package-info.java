/**
 * The report SPI. A report is a plug-in: a bundle registering a {@link org.zhurnal.reporting.spi.ReportPlugin}
 * service with the property {@value org.zhurnal.reporting.spi.ReportPlugin#ID} set to its id. It declares its
 * parameters (typed, so the platform checks the caller's access to the class or school they name and the UI renders
 * a form) and formats, and renders from the other modules' read-only query services — never their tables.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.zhurnal.reporting.spi;
