package org.zhurnal.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class TextTest {
    private static final Locale RU = Text.RUSSIAN;

    @Test
    void aTextIsRussianOnlyForRussianAndEnglishOtherwiseOrWithoutRussian() {
        Text t = Text.of("Closed", "Закрыт");
        assertEquals("Закрыт", t.in(RU));
        assertEquals("Закрыт", t.in(Locale.forLanguageTag("ru-RU")));
        assertEquals("Closed", t.in(Locale.ENGLISH));
        assertEquals("Closed", t.in(Locale.GERMAN));
        assertEquals("Closed", t.in(null));
        assertEquals("Closed", Text.of("Closed", null).in(RU));
        assertEquals("Closed", t.toString());
    }

    @Test
    void datesAndSummariesAsRussianTextsWriteThem() {
        assertEquals("05.01.2027", Text.date(LocalDate.of(2027, 1, 5)));
        assertEquals("", Text.date(null));
        List<Violation> v = List.of(new Violation("a", Text.of("a is bad", "плохое a")), new Violation("b", "b is bad"));
        assertEquals(Text.of("a is bad", "плохое a"), Text.firstOf(v));
        assertEquals(Text.of("2 problems", "Ошибок: 2. плохое a"), Text.summary("2 problems", "Ошибок: 2", v));
        // A violation without a Russian text reads in English in a Russian summary.
        assertEquals("Ошибок: 1. b is bad", Text.summary("1 problem", "Ошибок: 1", List.of(v.get(1))).ru());
    }

    @Test
    void notFoundNamesTheKindInRussianWithoutTheId() {
        ProblemException lesson = ProblemException.notFound("Lesson", "e1:2026-11-16");
        assertEquals("Lesson e1:2026-11-16 was not found", lesson.getMessage());
        assertEquals("Урок не найден или недоступен", lesson.detail(RU));
        assertEquals("Запрошенные данные не найдены или недоступны", ProblemException.notFound("Widget", "w1").detail(RU));
    }

    @Test
    void aPartOfALargerRequestWithoutARussianTextStaysEnglishAsAWhole() {
        ProblemException english = ProblemException.invalid("subject", "subject is required").within("[1]", Text.of("Grade [1]: ", "Иванов: "));
        assertEquals("[1].subject", english.field());
        assertEquals("Grade [1]: subject is required", english.detail(RU));
        assertNull(english.text().ru());
        ProblemException russian = ProblemException.invalid("subject", Text.of("subject is required", "Не указан предмет"))
                .within("[1]", Text.of("Grade [1]: ", "Иванов: "));
        assertEquals("Иванов: Не указан предмет", russian.detail(RU));
    }
}
