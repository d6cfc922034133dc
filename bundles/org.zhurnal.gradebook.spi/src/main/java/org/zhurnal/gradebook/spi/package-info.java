/**
 * The grading-scheme SPI: what a plug-in bundle implements so the gradebook can record, validate and average
 * marks of a scale (five-point, pass/fail, ten-point, a municipality's own). A plug-in registers one
 * {@link org.zhurnal.gradebook.spi.GradingScheme} service with the property
 * {@value org.zhurnal.gradebook.spi.GradingScheme#SCHEME_PROPERTY} set to its {@link org.zhurnal.gradebook.spi.GradingScheme#id()}.
 * See docs/plugins.md for the authoring guide.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.zhurnal.gradebook.spi;
