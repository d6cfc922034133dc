/**
 * Sending e-mail over SMTP. Other channels (SMS, messengers) will be plug-ins of the notification
 * module; this package is the plain e-mail transport they and the account issuing use.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.zhurnal.core.api.mail;
