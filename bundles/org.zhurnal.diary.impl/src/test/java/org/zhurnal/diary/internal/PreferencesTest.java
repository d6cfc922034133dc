package org.zhurnal.diary.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.diary.internal.rest.DiaryResource;

/** A preference change without a mode is a 400 naming {@code mode} (it was a NullPointerException, a 500). */
class PreferencesTest {
    private static ProblemException refused(String mode) {
        return assertThrows(ProblemException.class, () -> Preferences.mode(mode));
    }

    @Test
    void aMissingOrBlankModeIsA400NamingItInEnglishAndRussian() {
        for (String missing : new String[] {null, "", "  "}) {
            ProblemException p = refused(missing);
            assertEquals(400, p.status());
            assertEquals("mode", p.field());
            assertEquals("mode is required: INSTANT, DAILY, WEEKLY or NONE", p.detail(java.util.Locale.ENGLISH));
            assertEquals("Не выбрано, как часто сообщать: сразу, раз в день, раз в неделю или не сообщать", p.detail(Text.RUSSIAN));
        }
    }

    @Test
    void bodiesWithoutAModeAsJacksonReadsThem() throws Exception {
        for (String json : new String[] {"{}", "{\"channel\":\"email\"}", "{\"channel\":\"email\",\"mode\":null}"}) {
            DiaryResource.PreferenceChange body = Notifier.JSON.readValue(json, DiaryResource.PreferenceChange.class);
            ProblemException p = refused(body.mode());
            assertEquals(400, p.status(), json);
            assertEquals("mode", p.field(), json);
        }
    }

    @Test
    void anUnknownModeIsA400AKnownOneIsNormalised() {
        ProblemException p = refused("SOMETIMES");
        assertEquals("mode", p.field());
        assertTrue(p.detail(Text.RUSSIAN).startsWith("Выберите, как часто сообщать"));
        assertEquals(Preferences.WEEKLY, Preferences.mode(" weekly "));
        assertEquals(Preferences.NONE, Preferences.mode("NONE"));
    }
}
