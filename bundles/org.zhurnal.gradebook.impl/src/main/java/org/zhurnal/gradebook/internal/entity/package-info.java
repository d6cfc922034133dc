/** JPA entities of the gradebook module; private to this bundle. */
@org.osgi.annotation.bundle.Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.zhurnal.gradebook.internal.entity;
