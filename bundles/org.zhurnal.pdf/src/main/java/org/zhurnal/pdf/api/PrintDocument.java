package org.zhurnal.pdf.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A printable document built from blocks — headings, paragraphs, tables — laid out top to bottom on A4 pages:
 * text is wrapped to the width, a table that does not fit continues on the next page under a repeated header row,
 * {@link #newPage()} starts a sheet of its own (one page per student, say), and every page gets a footer line and
 * «Страница N из M». Fonts are embedded as subsets, so the text can be extracted again.
 * <p>Not thread-safe: build and render one document per thread.
 */
public final class PrintDocument {

    /** Page orientation of A4. */
    public enum Orientation { PORTRAIT, LANDSCAPE }

    /** A table column: its header and width in millimetres (widths are scaled to the page's text width). */
    public record Column(String header, float widthMm) {
    }

    private sealed interface Block permits Heading, Paragraph, Table, PageBreak, Space {
    }

    private record Heading(String text, float size) implements Block {
    }

    private record Paragraph(String text, float size, boolean bold) implements Block {
    }

    private record Table(List<Column> columns, List<List<String>> rows, float size) implements Block {
    }

    private record PageBreak() implements Block {
    }

    private record Space(float mm) implements Block {
    }

    private static final float MM = 72f / 25.4f;
    private static final float MARGIN = 15 * MM;
    private static final float LEADING = 1.25f;
    private static final float PAD = 1.2f * MM;
    private static final float FOOTER_SIZE = 7.5f;

    private final String title;
    private final PDRectangle pageSize;
    private final List<Block> blocks = new ArrayList<>();
    private String footer = "";

    /**
     * @param title the document's title (its metadata)
     * @param orientation portrait or landscape A4
     */
    public PrintDocument(String title, Orientation orientation) {
        this.title = Objects.requireNonNullElse(title, "");
        this.pageSize = orientation == Orientation.LANDSCAPE ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                : PDRectangle.A4;
    }

    /** Sets the text printed at the bottom left of every page (e.g. the school's name). */
    public PrintDocument footer(String text) {
        this.footer = Objects.requireNonNullElse(text, "");
        return this;
    }

    public PrintDocument heading(String text) {
        blocks.add(new Heading(text, 13));
        return this;
    }

    public PrintDocument subheading(String text) {
        blocks.add(new Heading(text, 10.5f));
        return this;
    }

    public PrintDocument paragraph(String text) {
        blocks.add(new Paragraph(text, 9, false));
        return this;
    }

    public PrintDocument boldParagraph(String text) {
        blocks.add(new Paragraph(text, 9, true));
        return this;
    }

    /** Vertical space of {@code mm} millimetres. */
    public PrintDocument space(float mm) {
        blocks.add(new Space(mm));
        return this;
    }

    /** A table; each row has one cell per column ({@code null} prints empty). */
    public PrintDocument table(List<Column> columns, List<List<String>> rows) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs columns");
        }
        blocks.add(new Table(List.copyOf(columns), rows == null ? List.of() : List.copyOf(rows), 8.5f));
        return this;
    }

    /** Starts a new page (unless the current one is still empty). */
    public PrintDocument newPage() {
        blocks.add(new PageBreak());
        return this;
    }

    /** @return the PDF */
    public byte[] render() throws IOException {
        try (PDDocument document = new PDDocument(); InputStream r = PdfFonts.regular(); InputStream b = PdfFonts.bold()) {
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setCreator("Zhurnal");
            Writer w = new Writer(document, PDType0Font.load(document, r), PDType0Font.load(document, b));
            for (Block block : blocks) {
                w.write(block);
            }
            w.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Lays blocks out page by page. */
    private final class Writer {
        private final PDDocument document;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final float width = pageSize.getWidth() - 2 * MARGIN;
        private final List<PDPage> pages = new ArrayList<>();
        private final Map<Integer, Boolean> glyphs = new HashMap<>();
        private PDPageContentStream cs;
        private float y;
        private boolean pageEmpty = true;

        Writer(PDDocument document, PDType0Font regular, PDType0Font bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            startPage();
        }

        private void startPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(pageSize);
            document.addPage(page);
            pages.add(page);
            cs = new PDPageContentStream(document, page);
            cs.setLineWidth(0.5f);
            y = pageSize.getHeight() - MARGIN;
            pageEmpty = true;
        }

        private float bottom() {
            return MARGIN + FOOTER_SIZE * 2;
        }

        private void ensure(float height) throws IOException {
            if (y - height < bottom() && !pageEmpty) {
                startPage();
            }
        }

        void write(Block block) throws IOException {
            if (block instanceof Heading h) {
                lines(bold, h.size(), wrap(bold, h.text(), h.size(), width), 2 * MM);
            } else if (block instanceof Paragraph p) {
                PDType0Font font = p.bold() ? bold : regular;
                lines(font, p.size(), wrap(font, p.text(), p.size(), width), MM);
            } else if (block instanceof Space s) {
                y -= s.mm() * MM;
            } else if (block instanceof PageBreak) {
                if (!pageEmpty) {
                    startPage();
                }
            } else if (block instanceof Table t) {
                table(t);
            }
        }

        private void lines(PDType0Font font, float size, List<String> lines, float after) throws IOException {
            for (String line : lines) {
                ensure(size * LEADING);
                show(font, size, MARGIN, y - size, line);
                y -= size * LEADING;
                pageEmpty = false;
            }
            y -= after;
        }

        private void table(Table t) throws IOException {
            float total = 0;
            for (Column c : t.columns()) {
                total += c.widthMm();
            }
            float[] x = new float[t.columns().size() + 1];
            x[0] = MARGIN;
            for (int i = 0; i < t.columns().size(); i++) {
                x[i + 1] = x[i] + width * t.columns().get(i).widthMm() / total;
            }
            List<List<String>> header = new ArrayList<>();
            for (int i = 0; i < t.columns().size(); i++) {
                header.add(wrap(bold, t.columns().get(i).header(), t.size(), x[i + 1] - x[i] - 2 * PAD));
            }
            float headerH = height(header, t.size());
            ensure(headerH + t.size() * LEADING + 2 * PAD);
            row(x, header, headerH, bold, t.size(), true);
            for (List<String> cells : t.rows()) {
                List<List<String>> wrapped = new ArrayList<>();
                for (int i = 0; i < t.columns().size(); i++) {
                    String v = i < cells.size() ? cells.get(i) : null;
                    wrapped.add(wrap(regular, v == null ? "" : v, t.size(), x[i + 1] - x[i] - 2 * PAD));
                }
                float h = height(wrapped, t.size());
                if (y - h < bottom()) {
                    startPage();
                    row(x, header, headerH, bold, t.size(), true);
                }
                row(x, wrapped, h, regular, t.size(), false);
            }
            y -= 2 * MM;
        }

        private float height(List<List<String>> cells, float size) {
            int lines = 1;
            for (List<String> c : cells) {
                lines = Math.max(lines, c.size());
            }
            return lines * size * LEADING + 2 * PAD;
        }

        private void row(float[] x, List<List<String>> cells, float h, PDType0Font font, float size, boolean shaded) throws IOException {
            float left = x[0];
            float right = x[x.length - 1];
            if (shaded) {
                cs.setNonStrokingColor(0.9f);
                cs.addRect(left, y - h, right - left, h);
                cs.fill();
                cs.setNonStrokingColor(0f);
            }
            for (int i = 0; i < cells.size(); i++) {
                float ly = y - PAD;
                for (String line : cells.get(i)) {
                    show(font, size, x[i] + PAD, ly - size, line);
                    ly -= size * LEADING;
                }
            }
            cs.addRect(left, y - h, right - left, h);
            for (int i = 1; i < x.length - 1; i++) {
                cs.moveTo(x[i], y);
                cs.lineTo(x[i], y - h);
            }
            cs.stroke();
            y -= h;
            pageEmpty = false;
        }

        void finish() throws IOException {
            cs.close();
            int n = pages.size();
            for (int i = 0; i < n; i++) {
                try (PDPageContentStream f = new PDPageContentStream(document, pages.get(i), PDPageContentStream.AppendMode.APPEND, true)) {
                    String right = "Страница " + (i + 1) + " из " + n;
                    float rw = regular.getStringWidth(right) / 1000f * FOOTER_SIZE;
                    String left = fit(regular, clean(regular, footer), FOOTER_SIZE, width - rw - 5 * MM);
                    drawText(f, regular, FOOTER_SIZE, MARGIN, MARGIN - FOOTER_SIZE, left);
                    drawText(f, regular, FOOTER_SIZE, pageSize.getWidth() - MARGIN - rw, MARGIN - FOOTER_SIZE, right);
                }
            }
        }

        private void show(PDType0Font font, float size, float x, float baseline, String s) throws IOException {
            drawText(cs, font, size, x, baseline, s);
        }

        private void drawText(PDPageContentStream stream, PDType0Font font, float size, float x, float baseline, String s) throws IOException {
            if (s.isEmpty()) {
                return;
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(s);
            stream.endText();
        }

        /** Replaces what the font cannot show (and control characters) with «?». */
        private String clean(PDType0Font font, String s) {
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    b.append(' ');
                } else if (glyphs.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return true;
                    } catch (IOException | IllegalArgumentException e) {
                        return false;
                    }
                })) {
                    b.appendCodePoint(cp);
                } else {
                    b.append('?');
                }
            });
            return b.toString();
        }

        private float w(PDType0Font font, String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000f * size;
        }

        /** Cuts a line to the width with «…». */
        private String fit(PDType0Font font, String s, float size, float max) throws IOException {
            if (w(font, s, size) <= max) {
                return s;
            }
            String t = s;
            while (!t.isEmpty() && w(font, t + "…", size) > max) {
                t = t.substring(0, t.length() - 1);
            }
            return t + "…";
        }

        /** Breaks text into lines of at most {@code max} points: at spaces, inside words only when a word is too long. */
        private List<String> wrap(PDType0Font font, String text, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String para : clean(font, text == null ? "" : text.replace("\r", "")).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : para.split(" +")) {
                    if (word.isEmpty()) {
                        continue;
                    }
                    String candidate = line.length() == 0 ? word : line + " " + word;
                    if (w(font, candidate, size) <= max) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    String rest = word;
                    while (w(font, rest, size) > max && rest.length() > 1) {
                        int cut = rest.length() - 1;
                        while (cut > 1 && w(font, rest.substring(0, cut), size) > max) {
                            cut--;
                        }
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
