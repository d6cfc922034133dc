/** The zhurnal:archive-* Karaf shell commands. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "org.zhurnal.archive.internal.shell")
package org.zhurnal.archive.internal.shell;
