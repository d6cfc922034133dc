/** JPA entities of the timetable module; private to this bundle. */
@org.osgi.annotation.bundle.Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.zhurnal.timetable.internal.entity;
