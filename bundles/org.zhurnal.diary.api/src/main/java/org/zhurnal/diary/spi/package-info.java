/**
 * The notification-channel SPI: a plug-in bundle registers a {@link org.zhurnal.diary.spi.NotificationChannel}
 * service to deliver diary notifications another way (SMS, a messenger). The diary ships the e-mail channel.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.zhurnal.diary.spi;
