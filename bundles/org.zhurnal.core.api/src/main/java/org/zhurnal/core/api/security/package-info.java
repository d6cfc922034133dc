/**
 * Principals, roles, scopes and the authorization API that keeps access rules in one place.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.zhurnal.core.api.security;
