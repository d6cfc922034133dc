package org.zhurnal.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransliterationTest {

    @Test
    void icaoDropsSpacesAndUsesIcaoDigraphs() {
        assertEquals("shchukinaiuliia", Transliteration.icao("Щукина Юлия"));
    }

    @Test
    void icaoMapsYoToE() {
        assertEquals("ezhikov", Transliteration.icao("Ёжиков"));
        assertEquals("ezhikov", Transliteration.icao("ёжиков"));
    }

    @Test
    void icaoCoversTheWholeRussianAlphabet() {
        assertEquals("abvgdeezhziiklmnoprstufkhtsch" + "shshchieyeiuia",
                Transliteration.icao("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"));
        assertEquals("abvgdeezhziiklmnoprstufkhtsch" + "shshchieyeiuia",
                Transliteration.icao("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"));
    }

    @Test
    void icaoHardSignBecomesIeSoftSignDisappears() {
        assertEquals("obieezd", Transliteration.icao("Объезд"));
        assertEquals("olga", Transliteration.icao("Ольга"));
        assertEquals("podieiachev", Transliteration.icao("Подъячев"));
    }

    @Test
    void icaoKeepsLatinLettersAndDigitsAndDropsEverythingElse() {
        assertEquals("smithjohn2", Transliteration.icao("Smith-John 2!"));
        assertEquals("rimskiikorsakov", Transliteration.icao("Римский-Корсаков"));
        assertEquals("", Transliteration.icao("  -'.  "));
    }

    @ParameterizedTest
    @CsvSource({
            "Иванова Мария Петровна, ivanova.mp",
            "Хабибуллин Ильдар, khabibullin.i",
            "Цой, tsoi",
            "Smith John, smith.j",
            "Щукина Юлия Андреевна, shchukina.ia",
            "Ёжиков Эдуард, ezhikov.e",
            "Соловьёв Дмитрий, solovev.d",
            "Подъячев Олег, podieiachev.o",
            "'  Петров   Пётр  ', petrov.p"})
    void loginStemIsSurnameDotInitials(String fullName, String expected) {
        assertEquals(expected, Transliteration.loginStem(fullName));
    }

    @Test
    void loginStemUsesAtMostTwoInitials() {
        assertEquals("garcia.gj", Transliteration.loginStem("Garcia Gabriel Jose Marquez"));
    }

    @Test
    void loginStemFallsBackToUserWhenNothingTransliterates() {
        assertEquals("user", Transliteration.loginStem("---"));
        assertEquals("user", Transliteration.loginStem(""));
    }

    @Test
    void loginStemIsCappedAt60Characters() {
        String stem = Transliteration.loginStem("Щ".repeat(30) + " Иван");
        assertEquals(60, stem.length());
        assertEquals("shch".repeat(15), stem);
    }
}
