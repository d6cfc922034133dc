package org.zhurnal.security.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Russian → Latin transliteration by ICAO Doc 9303 (the system of Russian passports since 2013),
 * used for readable logins: «Иванова Мария Петровна» → {@code ivanova.mp}.
 */
public final class Transliteration {
    private static final Map<Character, String> ICAO = Map.ofEntries(Map.entry('а', "a"), Map.entry('б', "b"),
            Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"),
            Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "i"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"),
            Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"),
            Map.entry('щ', "shch"), Map.entry('ъ', "ie"), Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"),
            Map.entry('ю', "iu"), Map.entry('я', "ia"));

    private Transliteration() {}

    /** @return the ICAO transliteration in lower case; Latin letters and digits pass, the rest is dropped */
    public static String icao(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            String t = ICAO.get(c);
            if (t != null) {
                sb.append(t);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** @return the login stem of a full name «Фамилия Имя Отчество»: surname + '.' + initials */
    public static String loginStem(String fullName) {
        String[] parts = fullName.trim().split("[\\s]+");
        StringBuilder sb = new StringBuilder(icao(parts[0]));
        if (parts.length > 1) {
            sb.append('.');
            for (int i = 1; i < parts.length && i < 3; i++) {
                String t = icao(parts[i]);
                if (!t.isEmpty()) {
                    sb.append(t.charAt(0));
                }
            }
        }
        String stem = sb.toString().replaceAll("\\.$", "");
        return stem.isEmpty() ? "user" : stem.length() > 60 ? stem.substring(0, 60) : stem;
    }
}
