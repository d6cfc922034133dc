/** JPA entities of the roster; private to this bundle. */
@org.osgi.annotation.bundle.Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.zhurnal.roster.internal.entity;
