package org.zhurnal.roster.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.zhurnal.pdf.api.PdfFonts;

/**
 * Renders the "ведомость получения учётных данных" (credentials receipt sheet) as an A4 PDF.
 * <p>
 * Pure and thread-safe: every call works on its own {@link PDDocument}; the class holds no mutable
 * state. Fonts (DejaVu Sans, regular and bold) come from {@link PdfFonts} and are embedded as
 * subsets, so Cyrillic text renders everywhere and stays extractable.
 */
public final class ReceiptSheetPdf {

    /** One line of the sheet. */
    public record Row(String fullName, String role, String login, String temporaryPassword) {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static final float MM = 72f / 25.4f;
    private static final PDRectangle PAGE_SIZE = PDRectangle.A4;
    private static final float PAGE_W = PAGE_SIZE.getWidth();
    private static final float PAGE_H = PAGE_SIZE.getHeight();
    private static final float MARGIN = 15 * MM;
    private static final float CONTENT_W = PAGE_W - 2 * MARGIN;
    /** Lowest y any table row / signature block may reach. */
    private static final float CONTENT_BOTTOM = MARGIN;
    /** Baseline of "Страница N из M" (inside the bottom margin band). */
    private static final float FOOTER_BASELINE = 9 * MM;
    private static final float FOOTER_SIZE = 8;

    /** Column widths in millimetres; they add up to the 180 mm content width. */
    private static final float[] COL_MM = {9, 54, 22, 31, 29, 35};
    private static final String[] HEADERS =
            {"№", "ФИО", "Роль", "Логин", "Временный пароль", "Подпись получателя"};
    private static final int COL_NO = 0;
    private static final int COL_NAME = 1;
    private static final int COL_ROLE = 2;
    private static final int COL_LOGIN = 3;
    private static final int COL_PASSWORD = 4;
    private static final int COLS = HEADERS.length;

    private static final float PAD_X = 1.2f * MM;
    private static final float PAD_Y = 1.2f * MM;
    /** Data rows are at least this tall so the recipient has room to sign. */
    private static final float MIN_ROW_H = 8 * MM;
    private static final float LEADING = 1.2f;
    private static final float RULE_WIDTH = 0.5f;
    private static final float HEADER_FILL_GRAY = 0.9f;

    private static final float BODY_SIZE = 9;
    private static final float TABLE_HEADER_SIZE = 8;

    private static final float SIGN_GAP = 10 * MM;
    private static final float SIGN_SIZE = 10;
    private static final float SIGN_LABEL_SIZE = 7;
    private static final String SIGN_PREFIX = "Выдал: ";
    private static final String SIGN_BLANK = "____________________";
    private static final String SIGN_SEPARATOR = " / ";
    /** Vertical space reserved below the table on the last page for the "Выдал" block. */
    private static final float SIGN_BLOCK_H = SIGN_GAP + SIGN_SIZE * 0.3f + 3 + SIGN_LABEL_SIZE * LEADING;

    static final String INSTRUCTION =
            "Временный пароль действует до первого входа: при входе система попросит сменить его.";
    static final String EMPTY_MESSAGE = "Нет учётных записей для выдачи";
    private static final String ELLIPSIS = "…";

    private ReceiptSheetPdf() {}

    /**
     * @param schoolName e.g. "Школа № 7"
     * @param title e.g. "Ведомость получения учётных данных — 5А"
     * @param issuedOn the date printed on the sheet
     * @param rows in the order to print
     * @return the PDF bytes
     */
    public static byte[] render(String schoolName, String title, LocalDate issuedOn, List<Row> rows)
            throws IOException {
        Objects.requireNonNull(issuedOn, "issuedOn");
        List<Row> input = rows == null ? List.of() : rows;

        try (PDDocument document = new PDDocument()) {
            PDType0Font regular;
            PDType0Font bold;
            try (InputStream r = PdfFonts.regular(); InputStream b = PdfFonts.bold()) {
                regular = PDType0Font.load(document, r);
                bold = PDType0Font.load(document, b);
            }
            Text text = new Text(regular, bold);

            String school = text.clean(schoolName);
            String heading = text.clean(title);

            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(heading.isEmpty() ? "Ведомость получения учётных данных" : heading);
            info.setCreator("Zhurnal");

            // ---- layout -------------------------------------------------------------------------
            List<Block> firstHeader = new ArrayList<>();
            if (!school.isEmpty()) {
                firstHeader.add(new Block(regular, text.fit(regular, school, CONTENT_W, 11, 11, 9, 2), 0));
            }
            if (!heading.isEmpty()) {
                firstHeader.add(new Block(bold, text.fit(bold, heading, CONTENT_W, 14, 14, 11, 3), 3));
            }
            firstHeader.add(new Block(regular,
                    text.fit(regular, "Дата выдачи: " + DATE.format(issuedOn), CONTENT_W, 10, 10, 10, 1), 4));
            firstHeader.add(new Block(regular, text.fit(regular, INSTRUCTION, CONTENT_W, 9, 9, 7, 3), 3));
            float firstHeaderH = blocksHeight(firstHeader) + 3 * MM;

            List<Block> contHeader = new ArrayList<>();
            String running = joinNonEmpty(school, heading);
            if (!running.isEmpty()) {
                contHeader.add(new Block(regular,
                        text.fit(regular, running + " (продолжение)", CONTENT_W, 8, 8, 8, 1), 0));
            }
            float contHeaderH = contHeader.isEmpty() ? 0 : blocksHeight(contHeader) + 2 * MM;

            float[] colX = columnX();
            RowLayout tableHeader = layoutTableHeader(text, bold, colX);
            List<RowLayout> bodyRows = new ArrayList<>();
            if (input.isEmpty()) {
                Fitted msg = text.fit(regular, EMPTY_MESSAGE, CONTENT_W - 2 * PAD_X, BODY_SIZE, BODY_SIZE, 7, 2);
                Cell cell = new Cell(regular, msg, Align.CENTER);
                bodyRows.add(new RowLayout(new Cell[] {cell}, Math.max(MIN_ROW_H, cellHeight(msg)), true));
            } else {
                for (int i = 0; i < input.size(); i++) {
                    bodyRows.add(layoutRow(text, regular, colX, i + 1, input.get(i)));
                }
            }

            List<PageLayout> pages = paginate(bodyRows, tableHeader.height(), firstHeaderH, contHeaderH);

            // ---- drawing ------------------------------------------------------------------------
            int total = pages.size();
            for (int p = 0; p < total; p++) {
                PageLayout layout = pages.get(p);
                PDPage page = new PDPage(PAGE_SIZE);
                document.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                    cs.setLineWidth(RULE_WIDTH);
                    float top = PAGE_H - MARGIN;
                    drawBlocks(cs, layout.first() ? firstHeader : contHeader, top);
                    float tableBottom = drawTable(cs, colX, tableHeader, layout.rows(), layout.tableTop());
                    String footer = "Страница " + (p + 1) + " из " + total;
                    float fw = width(regular, footer, FOOTER_SIZE);
                    showText(cs, regular, FOOTER_SIZE, (PAGE_W - fw) / 2, FOOTER_BASELINE, footer);
                    if (p == total - 1) {
                        drawSignature(cs, regular, tableBottom);
                    }
                }
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    // ============================================================================================
    // Layout
    // ============================================================================================

    private enum Align { LEFT, CENTER }

    /** Text already broken into lines at a given font size. */
    private record Fitted(List<String> lines, float size) {}

    private record Cell(PDType0Font font, Fitted text, Align align) {}

    /** A table row; {@code spanning} rows have a single cell across all columns. */
    private record RowLayout(Cell[] cells, float height, boolean spanning) {}

    private record PageLayout(boolean first, float tableTop, List<RowLayout> rows) {}

    /** A paragraph of the page header. */
    private record Block(PDType0Font font, Fitted text, float spaceBefore) {}

    private static float[] columnX() {
        float[] x = new float[COLS + 1];
        float totalMm = 0;
        for (float w : COL_MM) {
            totalMm += w;
        }
        x[0] = MARGIN;
        for (int i = 0; i < COLS; i++) {
            x[i + 1] = x[i] + CONTENT_W * COL_MM[i] / totalMm;
        }
        x[COLS] = MARGIN + CONTENT_W;
        return x;
    }

    private static RowLayout layoutTableHeader(Text text, PDType0Font bold, float[] colX) throws IOException {
        Cell[] cells = new Cell[COLS];
        float h = 0;
        for (int c = 0; c < COLS; c++) {
            float w = colX[c + 1] - colX[c] - 2 * PAD_X;
            // Prefer one line (shrinking a little), then two lines. "Подпись получателя" is kept on a
            // single line so it reads (and extracts) as one phrase.
            float singleLineMin = c == COLS - 1 ? 6 : 7.5f;
            Fitted f = text.fit(bold, HEADERS[c], w, TABLE_HEADER_SIZE, singleLineMin, 6, 2);
            cells[c] = new Cell(bold, f, Align.CENTER);
            h = Math.max(h, cellHeight(f));
        }
        return new RowLayout(cells, h, false);
    }

    private static RowLayout layoutRow(Text text, PDType0Font font, float[] colX, int number, Row row)
            throws IOException {
        Cell[] cells = new Cell[COLS];
        String[] values = new String[COLS];
        values[COL_NO] = Integer.toString(number);
        if (row != null) {
            values[COL_NAME] = text.clean(row.fullName());
            values[COL_ROLE] = text.clean(row.role());
            values[COL_LOGIN] = text.clean(row.login());
            values[COL_PASSWORD] = text.clean(row.temporaryPassword());
        }
        values[COLS - 1] = "";
        float h = MIN_ROW_H;
        for (int c = 0; c < COLS; c++) {
            String v = values[c] == null ? "" : values[c];
            float w = colX[c + 1] - colX[c] - 2 * PAD_X;
            Fitted f = switch (c) {
                // Names: keep the size and wrap onto a second line, shrinking only if needed.
                case COL_NAME -> text.fit(font, v, w, BODY_SIZE, BODY_SIZE, 7, 2);
                case COL_ROLE -> text.fit(font, v, w, BODY_SIZE, 8, 6.5f, 2);
                // Credentials: keep on one line (shrink) so they are easy to read and copy.
                case COL_LOGIN, COL_PASSWORD -> text.fit(font, v, w, BODY_SIZE, 6, 6, 2);
                case COL_NO -> text.fit(font, v, w, BODY_SIZE, 5, 5, 1);
                default -> new Fitted(List.of(), BODY_SIZE);
            };
            cells[c] = new Cell(font, f, c == COL_NO ? Align.CENTER : Align.LEFT);
            h = Math.max(h, cellHeight(f));
        }
        return new RowLayout(cells, h, false);
    }

    private static List<PageLayout> paginate(List<RowLayout> rows, float headerRowH,
                                             float firstHeaderH, float contHeaderH) {
        List<PageLayout> pages = new ArrayList<>();
        int i = 0;
        boolean first = true;
        do {
            float tableTop = PAGE_H - MARGIN - (first ? firstHeaderH : contHeaderH);
            float y = tableTop - headerRowH;
            List<RowLayout> pageRows = new ArrayList<>();
            while (i < rows.size()) {
                RowLayout r = rows.get(i);
                boolean last = i == rows.size() - 1;
                float need = r.height() + (last ? SIGN_BLOCK_H : 0);
                // The last row travels together with the "Выдал" block; a page always gets at least one row.
                if (y - need < CONTENT_BOTTOM && !pageRows.isEmpty()) {
                    break;
                }
                pageRows.add(r);
                y -= r.height();
                i++;
            }
            pages.add(new PageLayout(first, tableTop, pageRows));
            first = false;
        } while (i < rows.size());
        return pages;
    }

    private static float cellHeight(Fitted f) {
        return Math.max(1, f.lines().size()) * f.size() * LEADING + 2 * PAD_Y;
    }

    private static float blocksHeight(List<Block> blocks) {
        float h = 0;
        for (Block b : blocks) {
            h += b.spaceBefore() + b.text().lines().size() * b.text().size() * LEADING;
        }
        return h;
    }

    private static String joinNonEmpty(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + ". " + b;
    }

    // ============================================================================================
    // Drawing
    // ============================================================================================

    private static void drawBlocks(PDPageContentStream cs, List<Block> blocks, float top) throws IOException {
        float y = top;
        for (Block b : blocks) {
            y -= b.spaceBefore();
            float size = b.text().size();
            for (String line : b.text().lines()) {
                showText(cs, b.font(), size, MARGIN, baseline(y, size), line);
                y -= size * LEADING;
            }
        }
    }

    /** Draws header row + rows starting at {@code top}; returns the y of the table's bottom rule. */
    private static float drawTable(PDPageContentStream cs, float[] colX, RowLayout header,
                                   List<RowLayout> rows, float top) throws IOException {
        float left = colX[0];
        float right = colX[COLS];
        float headerBottom = top - header.height();

        cs.setNonStrokingColor(HEADER_FILL_GRAY);
        cs.addRect(left, headerBottom, right - left, header.height());
        cs.fill();
        cs.setNonStrokingColor(0f);
        drawCells(cs, colX, header, top);

        float y = headerBottom;
        boolean spanning = false;
        for (RowLayout r : rows) {
            drawCells(cs, colX, r, y);
            spanning |= r.spanning();
            y -= r.height();
        }
        float bottom = y;

        // Horizontal rules.
        hLine(cs, left, right, top);
        hLine(cs, left, right, headerBottom);
        float ry = headerBottom;
        for (RowLayout r : rows) {
            ry -= r.height();
            hLine(cs, left, right, ry);
        }
        // Vertical rules (inner ones stop at the header when the body is a single spanning row).
        for (int c = 0; c <= COLS; c++) {
            boolean outer = c == 0 || c == COLS;
            float to = outer || !spanning ? bottom : headerBottom;
            vLine(cs, colX[c], top, to);
        }
        cs.stroke();
        return bottom;
    }

    private static void drawCells(PDPageContentStream cs, float[] colX, RowLayout row, float rowTop)
            throws IOException {
        for (int c = 0; c < row.cells().length; c++) {
            Cell cell = row.cells()[c];
            float x0 = colX[c];
            float x1 = row.spanning() ? colX[COLS] : colX[c + 1];
            Fitted f = cell.text();
            if (f.lines().isEmpty()) {
                continue;
            }
            float size = f.size();
            float blockH = f.lines().size() * size * LEADING;
            float lineTop = rowTop - (row.height() - blockH) / 2;
            for (String line : f.lines()) {
                float x = x0 + PAD_X;
                if (cell.align() == Align.CENTER) {
                    x = x0 + (x1 - x0 - width(cell.font(), line, size)) / 2;
                }
                showText(cs, cell.font(), size, x, baseline(lineTop, size), line);
                lineTop -= size * LEADING;
            }
        }
    }

    private static void drawSignature(PDPageContentStream cs, PDType0Font font, float tableBottom)
            throws IOException {
        float y = tableBottom - SIGN_GAP;
        String line = SIGN_PREFIX + SIGN_BLANK + SIGN_SEPARATOR + SIGN_BLANK;
        showText(cs, font, SIGN_SIZE, MARGIN, y, line);

        float prefixW = width(font, SIGN_PREFIX, SIGN_SIZE);
        float blankW = width(font, SIGN_BLANK, SIGN_SIZE);
        float sepW = width(font, SIGN_SEPARATOR, SIGN_SIZE);
        float labelY = y - SIGN_SIZE * 0.3f - 3 - SIGN_LABEL_SIZE;
        float x1 = MARGIN + prefixW;
        float x2 = x1 + blankW + sepW;
        centered(cs, font, SIGN_LABEL_SIZE, x1, blankW, labelY, "(подпись)");
        centered(cs, font, SIGN_LABEL_SIZE, x2, blankW, labelY, "(расшифровка подписи)");
    }

    private static void centered(PDPageContentStream cs, PDType0Font font, float size, float x, float w,
                                 float y, String s) throws IOException {
        showText(cs, font, size, x + (w - width(font, s, size)) / 2, y, s);
    }

    private static void hLine(PDPageContentStream cs, float x0, float x1, float y) throws IOException {
        cs.moveTo(x0, y);
        cs.lineTo(x1, y);
    }

    private static void vLine(PDPageContentStream cs, float x, float y0, float y1) throws IOException {
        cs.moveTo(x, y0);
        cs.lineTo(x, y1);
    }

    /** Baseline for a line whose line box (height size * LEADING) starts at {@code lineTop}. */
    private static float baseline(float lineTop, float size) {
        return lineTop - (LEADING - 1) / 2 * size - 0.78f * size;
    }

    private static void showText(PDPageContentStream cs, PDType0Font font, float size, float x, float y,
                                 String s) throws IOException {
        if (s.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    private static float width(PDType0Font font, String s, float size) throws IOException {
        return font.getStringWidth(s) / 1000f * size;
    }


    // ============================================================================================
    // Text fitting (per-render helper; not shared between threads)
    // ============================================================================================

    private static final class Text {
        private final PDType0Font[] fonts;
        private final Map<Integer, Boolean> supported = new HashMap<>();

        Text(PDType0Font... fonts) {
            this.fonts = fonts;
        }

        /**
         * Null to empty; whitespace/control characters to single spaces; invisible format characters
         * dropped; characters missing from the fonts replaced with '?'. Trimmed.
         */
        String clean(String s) throws IOException {
            if (s == null || s.isEmpty()) {
                return "";
            }
            StringBuilder sb = new StringBuilder(s.length());
            boolean pendingSpace = false;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                    pendingSpace = sb.length() > 0;
                    continue;
                }
                if (Character.getType(cp) == Character.FORMAT) {
                    continue;
                }
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                if (isSupported(cp)) {
                    sb.appendCodePoint(cp);
                } else {
                    sb.append('?');
                }
            }
            return sb.toString();
        }

        private boolean isSupported(int cp) throws IOException {
            Boolean known = supported.get(cp);
            if (known != null) {
                return known;
            }
            boolean ok = true;
            String s = new String(Character.toChars(cp));
            for (PDType0Font f : fonts) {
                try {
                    f.encode(s);
                } catch (IllegalArgumentException e) {
                    ok = false;
                    break;
                }
            }
            supported.put(cp, ok);
            return ok;
        }

        /**
         * Fits {@code s} into {@code width}: first on one line, shrinking from {@code maxSize} down to
         * {@code singleLineMin}; then word-wrapped into at most {@code maxLines} lines, shrinking from
         * {@code maxSize} down to {@code wrapMin}; then with long words broken; finally truncated with
         * an ellipsis. The result never exceeds {@code width}.
         */
        Fitted fit(PDType0Font font, String s, float width, float maxSize, float singleLineMin, float wrapMin,
                   int maxLines) throws IOException {
            if (s.isEmpty()) {
                return new Fitted(List.of(), maxSize);
            }
            for (float size = maxSize; size >= singleLineMin - 0.001f; size -= 0.5f) {
                if (width(font, s, size) <= width) {
                    return new Fitted(List.of(s), size);
                }
            }
            if (maxLines <= 1) {
                float size = Math.min(singleLineMin, maxSize);
                return new Fitted(List.of(ellipsize(font, s, size, width)), size);
            }
            for (float size = maxSize; size >= wrapMin - 0.001f; size -= 0.5f) {
                List<String> lines = wrap(font, s, size, width, false);
                if (lines != null && lines.size() <= maxLines) {
                    return new Fitted(lines, size);
                }
            }
            List<String> lines = wrap(font, s, wrapMin, width, true);
            if (lines.size() <= maxLines) {
                return new Fitted(lines, wrapMin);
            }
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines - 1));
            kept.add(ellipsize(font, lines.get(maxLines - 1) + ELLIPSIS, wrapMin, width));
            return new Fitted(kept, wrapMin);
        }

        /** Greedy word wrap; returns null if a word is too long and {@code breakWords} is false. */
        private static List<String> wrap(PDType0Font font, String s, float size, float width, boolean breakWords)
                throws IOException {
            List<String> lines = new ArrayList<>();
            String current = "";
            for (String word : s.split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(font, candidate, size) <= width) {
                    current = candidate;
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current);
                    current = "";
                }
                if (width(font, word, size) <= width) {
                    current = word;
                    continue;
                }
                if (!breakWords) {
                    return null;
                }
                StringBuilder chunk = new StringBuilder();
                for (int i = 0; i < word.length(); ) {
                    int cp = word.codePointAt(i);
                    int n = Character.charCount(cp);
                    String next = chunk + word.substring(i, i + n);
                    if (chunk.length() > 0 && width(font, next, size) > width) {
                        lines.add(chunk.toString());
                        chunk.setLength(0);
                    }
                    chunk.appendCodePoint(cp);
                    i += n;
                }
                current = chunk.toString();
            }
            if (!current.isEmpty()) {
                lines.add(current);
            }
            return lines;
        }

        /** Returns {@code s}, or its longest prefix followed by "…", that fits into {@code width}. */
        private static String ellipsize(PDType0Font font, String s, float size, float width) throws IOException {
            if (width(font, s, size) <= width) {
                return s;
            }
            String base = s.endsWith(ELLIPSIS) ? s.substring(0, s.length() - ELLIPSIS.length()) : s;
            int end = base.length();
            while (end > 0) {
                end = base.offsetByCodePoints(end, -1);
                String candidate = base.substring(0, end).stripTrailing() + ELLIPSIS;
                if (width(font, candidate, size) <= width) {
                    return candidate;
                }
            }
            return width(font, ELLIPSIS, size) <= width ? ELLIPSIS : "";
        }
    }
}
