package org.zhurnal.diary.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhurnal.diary.api.DiaryAbsence;
import org.zhurnal.gradebook.api.AbsenceCode;
import org.zhurnal.gradebook.api.WorkTypes;

/** How the printout names an absence (the school's label of its code), and the work-type names of the diary page. */
class TextsTest {
    /** The gradebook's default reference book and a school's own code. */
    private static final Map<String, AbsenceCode> CODES = Texts.byCode(List.of(
            new AbsenceCode("н", "отсутствовал без уважительной причины", AbsenceCode.UNEXCUSED),
            new AbsenceCode("б", "пропуск по болезни", AbsenceCode.ILLNESS),
            new AbsenceCode("у", "отсутствовал по уважительной причине", AbsenceCode.EXCUSED),
            new AbsenceCode("ол", "участие в олимпиаде", AbsenceCode.EXCUSED),
            new AbsenceCode("оп", "опоздал", AbsenceCode.LATE)));

    @Test
    void anAbsenceReadsAsTheSchoolsLabelOfItsCode() {
        assertEquals("пропуск по болезни", Texts.absence(new DiaryAbsence("б", AbsenceCode.ILLNESS, null), CODES));
        assertEquals("пропуск по болезни", Texts.absence(new DiaryAbsence(" Б ", AbsenceCode.ILLNESS, null), CODES));
        assertEquals("отсутствовал без уважительной причины", Texts.absence(new DiaryAbsence("н", AbsenceCode.UNEXCUSED, null), CODES));
        assertEquals("отсутствовал(а): участие в олимпиаде", Texts.absence(new DiaryAbsence("ол", AbsenceCode.EXCUSED, null), CODES));
    }

    @Test
    void withoutALabelTheCategorySpeaksLatenessCountsMinutes() {
        assertEquals("отсутствовал(а) по болезни", Texts.absence(new DiaryAbsence("бл", AbsenceCode.ILLNESS, null), CODES));
        assertEquals("отсутствовал(а) по уважительной причине", Texts.absence(new DiaryAbsence("x", AbsenceCode.EXCUSED, null), Map.of()));
        assertEquals("отсутствовал(а) без уважительной причины", Texts.absence(new DiaryAbsence("x", AbsenceCode.UNEXCUSED, null), Map.of()));
        assertEquals("отсутствие (?)", Texts.absence(new DiaryAbsence("?", "OTHER", null), Map.of()));
        assertEquals("опоздание 7 мин", Texts.absence(new DiaryAbsence("оп", AbsenceCode.LATE, 7), CODES));
        assertEquals("опоздание", Texts.absence(new DiaryAbsence("оп", AbsenceCode.LATE, null), CODES));
        assertEquals("", Texts.absence(null, CODES));
    }

    /** The diary page names work types as the journal does: its Russian names are the gradebook's, each has an English one. */
    @Test
    void theDiaryPageKnowsEveryWorkTypeByTheJournalsName() throws IOException {
        String js;
        try (InputStream in = TextsTest.class.getResourceAsStream("/ui/diary/diary.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int english = js.indexOf("Object.assign(TEXTS.en");
        assertTrue(english > 0);
        for (WorkTypes.WorkType w : WorkTypes.ALL) {
            String key = "'diary.work." + w.id() + "': ";
            int ru = js.indexOf(key + "'" + w.name() + "'");
            assertTrue(ru > 0 && ru < english, w.id() + " in Russian: " + w.name());
            assertTrue(js.indexOf(key, english) > english, w.id() + " in English");
        }
    }
}
