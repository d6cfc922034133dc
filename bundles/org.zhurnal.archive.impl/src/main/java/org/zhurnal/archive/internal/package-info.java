/** The archive module's implementation (private). */
@org.osgi.annotation.bundle.Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.zhurnal.archive.internal;
