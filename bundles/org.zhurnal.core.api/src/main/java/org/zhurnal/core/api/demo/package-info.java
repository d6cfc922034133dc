/**
 * Demo data: modules contribute their part of the demo school.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.zhurnal.core.api.demo;
