/**
 * The signed document archive: documents (usually PDF reports) stored with a record and a detached CMS signature
 * over both, never changed or deleted (a correction is a new version linked to the old one), verifiable for their
 * whole retention and exported to several targets.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.zhurnal.archive.api;
