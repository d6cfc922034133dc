package org.zhurnal.security.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhurnal.core.api.ProblemException;

class PasswordPolicyTest {
    private static final String FIELD = "newPassword";
    private static final String LOGIN = "ivanova.mp";

    private static ProblemException rejected(String password, String login) {
        ProblemException e = assertThrows(ProblemException.class, () -> PasswordPolicy.check(FIELD, password, login));
        assertEquals(400, e.status());
        assertEquals("validation", e.type());
        assertEquals(FIELD, e.field());
        return e;
    }

    @Test
    void acceptsAGoodPassword() {
        assertDoesNotThrow(() -> PasswordPolicy.check(FIELD, "Tr0ub4dor&3x", LOGIN));
        assertDoesNotThrow(() -> PasswordPolicy.check(FIELD, "длинный пароль", LOGIN));
    }

    @Test
    void acceptsExactlyTheMinimumAndMaximumLengths() {
        assertDoesNotThrow(() -> PasswordPolicy.check(FIELD, "abcdefghij", LOGIN));
        assertDoesNotThrow(() -> PasswordPolicy.check(FIELD, "abcd".repeat(32), LOGIN));
    }

    @Test
    void rejectsTooShort() {
        ProblemException e = rejected("abcdefghi", LOGIN);
        assertTrue(e.getMessage().contains("at least 10"), e.getMessage());
    }

    @Test
    void rejectsNull() {
        rejected(null, LOGIN);
    }

    @Test
    void rejectsLongerThan128() {
        ProblemException e = rejected("abcd".repeat(32) + "e", LOGIN);
        assertTrue(e.getMessage().contains("at most 128"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "PASSWORD123", "Password123", "qwertyuiop", "1234567890", "shkola1234"})
    void rejectsCommonPasswordsIgnoringCase(String password) {
        ProblemException e = rejected(password, LOGIN);
        assertTrue(e.getMessage().contains("too easy"), e.getMessage());
    }

    @Test
    void rejectsPasswordContainingTheLoginCaseInsensitively() {
        rejected("my-IVANOVA.MP-secret", LOGIN);
        rejected("xx" + LOGIN + "xx", "Ivanova.MP");
    }

    @Test
    void nullLoginIsNotAnError() {
        assertDoesNotThrow(() -> PasswordPolicy.check(FIELD, "ivanova.mp-secret", null));
    }

    @Test
    void rejectsFewerThanFourDistinctCharacters() {
        ProblemException e = rejected("aaaaaaaaaaab", LOGIN);
        assertTrue(e.getMessage().contains("4 different"), e.getMessage());
        rejected("abcabcabcabc", LOGIN);
    }

    @Test
    void fourDistinctCharactersAreEnough() {
        assertDoesNotThrow(() -> PasswordPolicy.check(FIELD, "abcdabcdabcd", LOGIN));
    }

    @Test
    void usesTheFieldNameGivenByTheCaller() {
        ProblemException e = assertThrows(ProblemException.class, () -> PasswordPolicy.check("password", "short", LOGIN));
        assertEquals("password", e.field());
    }
}
