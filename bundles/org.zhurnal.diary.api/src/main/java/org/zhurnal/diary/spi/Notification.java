package org.zhurnal.diary.spi;

/**
 * One message to one person.
 *
 * @param id a stable id of the message (the same on every retry)
 * @param address the recipient's address for the channel (e-mail address, phone number)
 * @param recipientName the recipient's name
 * @param subject a short subject line
 * @param text the plain-text body
 */
public record Notification(String id, String address, String recipientName, String subject, String text) {
}
