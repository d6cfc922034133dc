package org.zhurnal.core.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker of a JAX-RS resource (a class annotated with {@code @Path}) that a module contributes to the
 * one Jersey application at {@link #BASE_PATH}. Register the resource as a DS component providing
 * this interface; it is served while the component is active and disappears with it, without
 * restarting the other modules. Resources must be stateless singletons that speak DTOs.
 * <p>Every method requires an authenticated caller unless annotated {@link PublicEndpoint}; a method
 * or class annotated {@link RolesRequired} additionally requires one of the roles.
 */
@ConsumerType
public interface RestResource {

    /** The path under which every resource is mounted. */
    String BASE_PATH = "/api/v1";
}
