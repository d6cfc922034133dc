package org.zhurnal.core.api.mail;

/**
 * A plain-text e-mail in UTF-8.
 *
 * @param to the recipient's address
 * @param subject the subject
 * @param text the body
 */
public record Mail(String to, String subject, String text) {
}
