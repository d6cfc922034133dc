package org.zhurnal.roster.internal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptSheetPdfTest {

    private static final String SCHOOL = "Школа № 7";
    private static final String TITLE = "Ведомость получения учётных данных — 5А";
    private static final LocalDate DATE = LocalDate.of(2026, 9, 1);
    private static final String PASSWORD_ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ23456789";
    private static final float MM = 72f / 25.4f;
    /** Table column boundaries in mm from the left page edge (15 mm margin + column widths). */
    private static final float[] COLUMN_EDGES_MM = {15, 24, 78, 100, 131, 160, 195};

    @TempDir
    Path tmp;

    // ---------------------------------------------------------------------------------------------
    // Fictional test data: surnames, first names and patronymics are combined at random.
    // ---------------------------------------------------------------------------------------------

    private record Surname(String male, String female, String latin) {}

    private record Given(String name, char initial) {}

    private static final List<Surname> SURNAMES = List.of(
            new Surname("Иванов", "Иванова", "ivanov"), new Surname("Петров", "Петрова", "petrov"),
            new Surname("Смирнов", "Смирнова", "smirnov"), new Surname("Кузнецов", "Кузнецова", "kuznetsov"),
            new Surname("Соколов", "Соколова", "sokolov"), new Surname("Попов", "Попова", "popov"),
            new Surname("Лебедев", "Лебедева", "lebedev"), new Surname("Козлов", "Козлова", "kozlov"),
            new Surname("Новиков", "Новикова", "novikov"), new Surname("Морозов", "Морозова", "morozov"),
            new Surname("Волков", "Волкова", "volkov"), new Surname("Соловьёв", "Соловьёва", "solovyov"),
            new Surname("Васильев", "Васильева", "vasilyev"), new Surname("Зайцев", "Зайцева", "zaytsev"),
            new Surname("Павлов", "Павлова", "pavlov"), new Surname("Семёнов", "Семёнова", "semyonov"),
            new Surname("Голубев", "Голубева", "golubev"), new Surname("Виноградов", "Виноградова", "vinogradov"),
            new Surname("Богданов", "Богданова", "bogdanov"), new Surname("Воробьёв", "Воробьёва", "vorobyov"));
    private static final List<Given> MALE = List.of(
            new Given("Александр", 'a'), new Given("Дмитрий", 'd'), new Given("Максим", 'm'),
            new Given("Сергей", 's'), new Given("Андрей", 'a'), new Given("Алексей", 'a'),
            new Given("Иван", 'i'), new Given("Михаил", 'm'));
    private static final List<Given> FEMALE = List.of(
            new Given("Мария", 'm'), new Given("Анна", 'a'), new Given("Елена", 'e'),
            new Given("Ольга", 'o'), new Given("Дарья", 'd'), new Given("Софья", 's'),
            new Given("Анастасия", 'a'), new Given("Екатерина", 'e'));
    /** {male patronymic, female patronymic, initial}. */
    private static final String[][] PATRONYMICS = {
            {"Петрович", "Петровна", "p"}, {"Сергеевич", "Сергеевна", "s"},
            {"Александрович", "Александровна", "a"}, {"Иванович", "Ивановна", "i"},
            {"Николаевич", "Николаевна", "n"}, {"Владимирович", "Владимировна", "v"},
            {"Андреевич", "Андреевна", "a"}, {"Михайлович", "Михайловна", "m"}};
    private static final List<String> ROLES = List.of("Ученик", "Родитель", "Учитель", "Классный руководитель");

    private static final class Generator {
        private final Random random = new Random(20260901L);
        private final Map<String, Integer> loginCounts = new HashMap<>();
        final List<ReceiptSheetPdf.Row> rows = new ArrayList<>();
        final List<String> surnames = new ArrayList<>();

        void add(String surname, String latinSurname, Given given, String patronymic, char patronymicInitial) {
            String base = latinSurname + "." + given.initial() + patronymicInitial;
            int n = loginCounts.merge(base, 1, Integer::sum);
            String login = n == 1 ? base : base + n;
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
            }
            String role = ROLES.get(random.nextInt(ROLES.size()));
            rows.add(new ReceiptSheetPdf.Row(surname + " " + given.name() + " " + patronymic, role, login,
                    password.toString()));
            surnames.add(surname);
        }

        void addRandom() {
            boolean female = random.nextBoolean();
            Surname s = SURNAMES.get(random.nextInt(SURNAMES.size()));
            Given g = (female ? FEMALE : MALE).get(random.nextInt(8));
            String[] p = PATRONYMICS[random.nextInt(PATRONYMICS.length)];
            add(female ? s.female() : s.male(), female ? s.latin() + "a" : s.latin(), g,
                    female ? p[1] : p[0], p[2].charAt(0));
        }
    }

    /** 45 fictional people, including a duplicate login ("ivanova.mp2") and a name that has to wrap. */
    private static Generator fortyFive() {
        Generator gen = new Generator();
        gen.add("Иванова", "ivanova", FEMALE.get(0), "Петровна", 'p');
        gen.add("Иванова", "ivanova", new Given("Марина", 'm'), "Павловна", 'p');
        gen.add("Преображенская", "preobrazhenskaya", new Given("Александра", 'a'), "Вячеславовна", 'v');
        while (gen.rows.size() < 45) {
            gen.addRandom();
        }
        return gen;
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void rendersFortyFiveRowsOnSeveralPages() throws IOException {
        Generator gen = fortyFive();
        byte[] pdf = ReceiptSheetPdf.render(SCHOOL, TITLE, DATE, gen.rows);
        assertEquals("ivanova.mp2", gen.rows.get(1).login());

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages > 1, "expected several pages, got " + pages);

            for (int p = 1; p <= pages; p++) {
                String text = pageText(doc, p);
                assertTrue(text.contains("Подпись получателя"), "table header missing on page " + p);
                assertTrue(text.contains("Временный"), "table header missing on page " + p);
                assertTrue(text.contains("Страница " + p + " из " + pages), "footer missing on page " + p);
                PDRectangle box = doc.getPage(p - 1).getMediaBox();
                assertEquals(595, box.getWidth(), 1, "A4 width");
                assertEquals(842, box.getHeight(), 1, "A4 height");
            }

            String first = pageText(doc, 1);
            assertTrue(first.contains(SCHOOL), first);
            assertTrue(first.contains(TITLE), first);
            assertTrue(first.contains("Дата выдачи: 01.09.2026"), first);
            assertTrue(first.contains("Временный пароль действует до первого входа"), first);

            String last = pageText(doc, pages);
            assertTrue(last.contains("Страница " + pages + " из " + pages), last);
            assertTrue(last.contains("Выдал"), last);
            for (int p = 1; p < pages; p++) {
                assertFalse(pageText(doc, p).contains("Выдал"), "\"Выдал\" only on the last page");
            }

            String all = new PDFTextStripper().getText(doc);
            String normalized = all.replaceAll("\\s+", " ");
            for (int i = 0; i < gen.rows.size(); i++) {
                ReceiptSheetPdf.Row row = gen.rows.get(i);
                assertTrue(all.contains(row.login()), "login " + row.login());
                assertTrue(all.contains(row.temporaryPassword()), "password of " + row.login());
                assertTrue(all.contains(gen.surnames.get(i)), "surname " + gen.surnames.get(i));
                // Wrapped names are extracted line by line in drawing order, so the full name survives
                // once whitespace is normalised.
                assertTrue(normalized.contains(row.fullName()), "full name " + row.fullName());
            }
            // Rows are printed in the given order.
            int previous = -1;
            for (ReceiptSheetPdf.Row row : gen.rows) {
                int at = all.indexOf(row.temporaryPassword());
                assertTrue(at > previous, "order of " + row.login());
                previous = at;
            }

            PDPage page1 = doc.getPage(0);
            PDResources resources = page1.getResources();
            int fonts = 0;
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertTrue(font.isEmbedded(), "font not embedded: " + font.getName());
                assertTrue(font.getName().contains("DejaVu"), font.getName());
                fonts++;
            }
            assertTrue(fonts >= 2, "regular and bold fonts expected, got " + fonts);

            assertGlyphsInsideCells(doc);
        }
    }

    @Test
    void rendersZeroRows() throws IOException {
        byte[] pdf = ReceiptSheetPdf.render(SCHOOL, TITLE, DATE, List.of());
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = pageText(doc, 1);
            assertTrue(text.contains(SCHOOL), text);
            assertTrue(text.contains(TITLE), text);
            assertTrue(text.contains("01.09.2026"), text);
            assertTrue(text.contains("Подпись получателя"), text);
            assertTrue(text.contains("Нет учётных записей для выдачи"), text);
            assertTrue(text.contains("Страница 1 из 1"), text);
            assertTrue(text.contains("Выдал"), text);
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(595, box.getWidth(), 1);
            assertEquals(842, box.getHeight(), 1);
        }
    }

    @Test
    void longValuesNeverLeaveTheirCells() throws IOException {
        List<ReceiptSheetPdf.Row> rows = List.of(
                new ReceiptSheetPdf.Row("Преображенская-Виноградова Александра-Мария Вячеславовна-Константиновна",
                        "Классный руководитель параллели", "preobrazhenskaya-vinogradova.amv",
                        "Ab3dEf5hJk7mNp9qRs2tUv4w"),
                new ReceiptSheetPdf.Row("Соколоввввввввввввввввввввввввввввввввввввввввввввввввввввв Иван",
                        "Ученик", "sokolov.ii", "WWWWWWWWWWWW"),
                new ReceiptSheetPdf.Row(null, null, null, null),
                new ReceiptSheetPdf.Row("Попова\tАнна\u00a0Сергеевна\n", "Ученица", "popova.as", "Zx8Yw7Vu6Ts5"));
        byte[] pdf = ReceiptSheetPdf.render("Средняя общеобразовательная школа № 7 имени очень длинного названия "
                + "с углублённым изучением отдельных предметов городского округа", TITLE, DATE, rows);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("WWWWWWWWWWWW"), text);
            assertTrue(text.contains("sokolov.ii"), text);
            assertTrue(text.contains("Попова Анна Сергеевна"), text);
            assertTrue(text.contains("…"), "overlong name is truncated with an ellipsis");
            assertGlyphsInsideCells(doc);
        }
    }

    @Test
    void pdftotextExtractsCyrillicAndLogins() throws Exception {
        Path pdftotext = Path.of("/usr/bin/pdftotext");
        Assumptions.assumeTrue(Files.isExecutable(pdftotext), "pdftotext is not installed");

        Generator gen = fortyFive();
        Path file = tmp.resolve("receipt.pdf");
        Files.write(file, ReceiptSheetPdf.render(SCHOOL, TITLE, DATE, gen.rows));
        Process process = new ProcessBuilder(pdftotext.toString(), "-enc", "UTF-8", file.toString(), "-")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("Иванова"), out);
        assertTrue(out.contains("ivanova.mp2"), out);
        assertTrue(out.contains(gen.rows.get(10).temporaryPassword()), out);
        assertTrue(out.contains("Подпись получателя"), out);
    }

    @Test
    void concurrentRendersAreIndependent() throws Exception {
        Generator gen = fortyFive();
        String expected;
        try (PDDocument doc = Loader.loadPDF(ReceiptSheetPdf.render(SCHOOL, TITLE, DATE, gen.rows))) {
            expected = new PDFTextStripper().getText(doc);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> ReceiptSheetPdf.render(SCHOOL, TITLE, DATE, gen.rows)));
            }
            for (Future<byte[]> f : futures) {
                try (PDDocument doc = Loader.loadPDF(f.get(60, TimeUnit.SECONDS))) {
                    assertEquals(expected, new PDFTextStripper().getText(doc));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static String pageText(PDDocument doc, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(doc);
    }

    /**
     * Every glyph of the table (from the "№" header down to the "Выдал" line or the footer band)
     * must end inside the column it starts in.
     */
    private static void assertGlyphsInsideCells(PDDocument doc) throws IOException {
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            List<TextPosition> glyphs = glyphs(doc, p);
            float pageHeight = doc.getPage(p - 1).getMediaBox().getHeight();
            float tableTop = Float.NaN;
            float tableBottom = pageHeight - 15 * MM; // footer lives below the 15 mm margin
            StringBuilder seq = new StringBuilder();
            for (int i = 0; i < glyphs.size(); i++) {
                TextPosition t = glyphs.get(i);
                if (Float.isNaN(tableTop) && "№".equals(t.getUnicode())
                        && t.getXDirAdj() < COLUMN_EDGES_MM[1] * MM) {
                    tableTop = t.getYDirAdj() - t.getHeightDir() - 2;
                }
                seq.append(t.getUnicode());
                if (seq.toString().endsWith("Выдал")) {
                    tableBottom = Math.min(tableBottom, glyphs.get(i - 4).getYDirAdj() - 12);
                }
            }
            assertFalse(Float.isNaN(tableTop), "no table header on page " + p);
            Set<String> violations = new LinkedHashSet<>();
            for (TextPosition t : glyphs) {
                float y = t.getYDirAdj();
                if (y < tableTop || y > tableBottom || t.getUnicode().isBlank()) {
                    continue;
                }
                float x0 = t.getXDirAdj();
                float x1 = x0 + t.getWidthDirAdj();
                for (int c = 0; c < COLUMN_EDGES_MM.length - 1; c++) {
                    float left = COLUMN_EDGES_MM[c] * MM;
                    float right = COLUMN_EDGES_MM[c + 1] * MM;
                    if (x0 >= left - 0.5f && x0 < right) {
                        if (x1 > right + 0.5f) {
                            violations.add("page " + p + " '" + t.getUnicode() + "' at x=" + x0 + ".." + x1
                                    + " crosses column edge " + right);
                        }
                        break;
                    }
                }
            }
            assertTrue(violations.isEmpty(), String.join("\n", violations));
        }
    }

    private static List<TextPosition> glyphs(PDDocument doc, int page) throws IOException {
        List<TextPosition> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                out.add(text);
                super.processTextPosition(text);
            }
        };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(doc);
        return out;
    }
}
