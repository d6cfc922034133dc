/** The zhurnal:* Karaf shell commands of the core module. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "org.zhurnal.core.internal.shell")
package org.zhurnal.core.internal.shell;
