/**
 * REST whiteboard: modules contribute JAX-RS resources as OSGi services.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.zhurnal.core.api.rest;
