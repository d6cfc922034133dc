/** The zhurnal:* Karaf shell commands of the roster module. */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "org.zhurnal.roster.internal.shell")
package org.zhurnal.roster.internal.shell;
