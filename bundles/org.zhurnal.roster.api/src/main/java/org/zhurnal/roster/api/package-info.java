/**
 * The roster: the school's register of people and classes. Every other module refers to roster ids
 * (persons, classes, groups) and reads them through {@link org.zhurnal.roster.api.RosterQuery}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.8.0")
package org.zhurnal.roster.api;
