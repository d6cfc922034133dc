package org.zhurnal.diary.internal;

import java.util.regex.Pattern;

import org.zhurnal.core.api.Text;

/**
 * Why a message of the delivery log is not delivered, for the class teacher: a failed attempt's technical error
 * («MailDeliveryException: Mail to … was not sent: Couldn't connect to host, port: 127.0.0.1, 25; timeout 10000») read
 * as what it means and what happens next («Почтовый сервер недоступен; письмо будет отправлено повторно»). The technical
 * text stays in the log's {@code lastError} and in the server log for an administrator.
 */
public final class DeliveryFailures {
    /** What kind of trouble an error is. */
    enum Kind { AUTHENTICATION, ADDRESS, UNREACHABLE, OTHER }

    private static final Pattern AUTHENTICATION = Pattern.compile("authenticat|\\b535\\b|\\b534\\b|\\b530\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS = Pattern.compile("addressexception|invalid address|illegal address|sendfailedexception"
            + "|recipient address rejected|user unknown|no such user|mailbox unavailable|\\b550\\b|\\b553\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNREACHABLE = Pattern.compile("couldn't connect|could not connect|connectexception|connection refused"
            + "|timed out|timeout|sockettimeoutexception|unknownhost|unknown smtp host|noroutetohost|network is unreachable"
            + "|connection reset|connection closed|\\b421\\b", Pattern.CASE_INSENSITIVE);

    private DeliveryFailures() {
    }

    /** @return the kind of a recorded error (login refused, address refused, server unreachable, other) */
    static Kind kind(String lastError) {
        if (lastError == null) {
            return Kind.OTHER;
        }
        if (AUTHENTICATION.matcher(lastError).find()) {
            return Kind.AUTHENTICATION;
        }
        if (ADDRESS.matcher(lastError).find()) {
            return Kind.ADDRESS;
        }
        return UNREACHABLE.matcher(lastError).find() ? Kind.UNREACHABLE : Kind.OTHER;
    }

    /**
     * @param channel the message's channel ({@code email}: «письмо», the mail server; another: «оповещение»)
     * @param status the message's state ({@link Outbox#PENDING} and {@link Outbox#SENDING}: retried; {@link Outbox#FAILED}: given up)
     * @param lastError the last attempt's technical error, or {@code null}
     * @return what went wrong and what happens next, in English and Russian; {@code null} when there is no error or the message
     *         was delivered
     */
    public static Text explain(String channel, String status, String lastError) {
        if (lastError == null || lastError.isBlank() || Outbox.SENT.equals(status)) {
            return null;
        }
        boolean mail = channel == null || EmailChannel.ID.equals(channel);
        Kind kind = kind(lastError);
        String en = switch (kind) {
            case UNREACHABLE -> mail ? "The mail server is unreachable" : "The delivery service is unreachable";
            case AUTHENTICATION -> (mail ? "The mail server" : "The delivery service") + " refused the system's credentials: tell the administrator";
            case ADDRESS -> "The recipient's address was refused: check it on the person's record";
            case OTHER -> "The message could not be sent";
        };
        String ru = switch (kind) {
            case UNREACHABLE -> mail ? "Почтовый сервер недоступен" : "Служба отправки оповещений недоступна";
            case AUTHENTICATION -> (mail ? "Почтовый сервер" : "Служба отправки оповещений")
                    + " не принимает учётные данные системы: сообщите администратору";
            case ADDRESS -> "Адрес получателя не принят: проверьте его в карточке ученика или родителя";
            case OTHER -> mail ? "Письмо не удалось отправить" : "Оповещение не удалось отправить";
        };
        String what = mail ? "письмо" : "оповещение";
        if (Outbox.FAILED.equals(status)) {
            return Text.of(en + "; the attempts are used up and the message was not sent (press Retry once the cause is removed)",
                    ru + "; попытки отправки исчерпаны, " + what + " не отправлено (когда причина будет устранена, нажмите «Повторить»)");
        }
        return Text.of(en + "; it will be sent again", ru + "; " + what + " будет отправлено повторно");
    }

    /**
     * @return the error of a failed attempt as recorded: «Class: message», then the classes of its causes («(MailConnectException ←
     *         ConnectException)»), which tell an administrator — and {@link #kind} — what failed beneath a channel's own wording
     */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            b.append(": ").append(e.getMessage());
        }
        StringBuilder causes = new StringBuilder();
        Throwable c = e.getCause();
        for (int depth = 0; c != null && c != e && depth < 4; depth++, c = c.getCause()) {
            causes.append(causes.length() == 0 ? "" : " ← ").append(c.getClass().getSimpleName());
        }
        return causes.length() == 0 ? b.toString() : b.append(" (").append(causes).append(')').toString();
    }
}
