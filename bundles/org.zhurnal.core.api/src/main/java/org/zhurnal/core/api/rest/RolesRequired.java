package org.zhurnal.core.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.zhurnal.core.api.security.Role;

/**
 * The caller must hold at least one of these roles (in any scope) or get 403. Scope checks (which
 * school, which child) are done by the service through
 * {@link org.zhurnal.core.api.security.Authorization}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RolesRequired {
    Role[] value();
}
