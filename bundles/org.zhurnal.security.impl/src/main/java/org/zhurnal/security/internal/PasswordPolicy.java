package org.zhurnal.security.internal;

import java.util.Locale;
import java.util.Set;

import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;

/** What a chosen password must satisfy (NIST SP 800-63B style: length, not common, not the login). */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = Set.of("password", "password1", "1234567890", "12345678910", "qwertyuiop",
            "qwerty1234", "1q2w3e4r5t", "0987654321", "1111111111", "administrator", "zhurnal123", "password123",
            "parol12345", "ytrewq1234", "iloveyou12", "school2026", "shkola1234");

    private PasswordPolicy() {}

    public static void check(String field, String password, String login) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ProblemException.invalid(field, Text.of("The password must have at least " + MIN_LENGTH + " characters",
                    "Пароль должен быть не короче " + MIN_LENGTH + " символов"));
        }
        if (password.length() > MAX_LENGTH) {
            throw ProblemException.invalid(field, Text.of("The password must have at most " + MAX_LENGTH + " characters",
                    "Пароль должен быть не длиннее " + MAX_LENGTH + " символов"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || (login != null && lower.contains(login.toLowerCase(Locale.ROOT)))) {
            throw ProblemException.invalid(field, Text.of("The password is too easy to guess (common, or contains the login)",
                    "Такой пароль легко угадать: он слишком распространённый или содержит логин"));
        }
        if (password.chars().distinct().count() < 4) {
            throw ProblemException.invalid(field, Text.of("The password must use at least 4 different characters",
                    "В пароле должно быть не меньше 4 разных символов"));
        }
    }
}
