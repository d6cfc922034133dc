/** JPA entities of the bells module; private to this bundle. */
@org.osgi.annotation.bundle.Header(name = "Meta-Persistence", value = "META-INF/persistence.xml")
package org.zhurnal.bells.internal.entity;
