/**
 * Accounts (login, password, roles in scopes), sign-in sessions and password changes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.zhurnal.security.api;
