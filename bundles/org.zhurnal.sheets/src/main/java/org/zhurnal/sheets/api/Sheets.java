package org.zhurnal.sheets.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Writes tables as CSV or XLSX and reads XLSX workbooks. Stateless and thread-safe.
 */
public final class Sheets {
    /** Excel's limit on a worksheet's name. */
    private static final int MAX_SHEET_NAME = 31;
    private static final Pattern BAD_SHEET_CHARS = Pattern.compile("[\\[\\]:*?/\\\\]");
    /** Built-in date formats of SpreadsheetML (ids 14–22) and custom ones with day, month and year. */
    private static final Pattern DATE_FORMAT = Pattern.compile("(?i).*(d{1,4}.*m{1,4}.*y{2,4}|y{2,4}.*m{1,4}.*d{1,4}|m{1,4}.*d{1,4}.*y{2,4}).*");

    /** The reports' first language: CSV in it has a decimal comma. */
    public static final java.util.Locale RUSSIAN = java.util.Locale.forLanguageTag("ru");

    private Sheets() {
    }

    /**
     * @return the table as CSV: UTF-8 with a byte-order mark (spreadsheet programs then read it as UTF-8),
     *         {@code ;} between cells, CRLF line ends, a cell quoted when it holds {@code ;}, a quote or a line break
     */
    public static byte[] csv(Table table) {
        return csv(table, java.util.Locale.ROOT);
    }

    /**
     * @return as {@link #csv(Table)}, with the decimal separator of {@code locale} in fractional numbers: «3,5» for Russian,
     *         which a spreadsheet program in a Russian locale — the one that takes {@code ;} between cells — reads as a
     *         number (with a dot it reads a text, or a date)
     * @since 1.1
     */
    public static byte[] csv(Table table, java.util.Locale locale) {
        StringBuilder b = new StringBuilder("\uFEFF");
        appendCsvRow(b, new ArrayList<>(table.headers()), locale);
        for (List<Object> row : table.rows()) {
            appendCsvRow(b, row, locale);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendCsvRow(StringBuilder b, List<?> row, java.util.Locale locale) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                b.append(';');
            }
            String cell = Table.text(row.get(i), locale);
            if (cell.indexOf(';') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                b.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                b.append(cell);
            }
        }
        b.append("\r\n");
    }

    /** @return the table as an XLSX workbook of one worksheet */
    public static byte[] xlsx(Table table) {
        return xlsx(List.of(table));
    }

    /**
     * @return an XLSX workbook with a worksheet per table, in order: a bold header row repeated on every printed
     *         page, an auto-filter over the columns, column widths fitted to the text, numbers as numbers and dates
     *         as dates
     */
    public static byte[] xlsx(List<Table> tables) {
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one table");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Zhurnal", "1.0")) {
            Set<String> names = new HashSet<>();
            for (Table t : tables) {
                Worksheet ws = wb.newWorksheet(sheetName(t.name(), names));
                int columns = t.headers().size();
                int[] widths = new int[columns];
                for (int c = 0; c < columns; c++) {
                    ws.value(0, c, t.headers().get(c));
                    ws.style(0, c).bold().wrapText(true).verticalAlignment("top").set();
                    widths[c] = Math.max(widths[c], Math.min(t.headers().get(c).length(), 30));
                }
                for (int r = 0; r < t.rows().size(); r++) {
                    List<Object> row = t.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object cell = row.get(c);
                        if (cell instanceof Number n) {
                            ws.value(r + 1, c, n);
                        } else if (cell instanceof LocalDate d) {
                            ws.value(r + 1, c, d);
                            ws.style(r + 1, c).format("dd.mm.yyyy").set();
                        } else if (cell instanceof Boolean bool) {
                            ws.value(r + 1, c, bool);
                        } else if (cell != null) {
                            ws.value(r + 1, c, (String) cell);
                        }
                        widths[c] = Math.max(widths[c], Math.min(Table.text(cell).length(), 60));
                    }
                }
                for (int c = 0; c < columns; c++) {
                    ws.width(c, Math.max(6, widths[c] + 2));
                }
                if (columns > 0) {
                    ws.repeatRows(0);
                    ws.setAutoFilter(0, 0, columns - 1);
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toByteArray();
    }

    private static String sheetName(String name, Set<String> taken) {
        String base = BAD_SHEET_CHARS.matcher(name).replaceAll("_");
        base = base.length() > MAX_SHEET_NAME ? base.substring(0, MAX_SHEET_NAME) : base;
        String candidate = base;
        for (int i = 2; !taken.add(candidate.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            candidate = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        return candidate;
    }

    /** A worksheet read back: its name and its rows as text. */
    public record SheetData(String name, List<List<String>> rows) {
    }

    /**
     * Reads every worksheet of an XLSX workbook as text: a number as written without exponent or trailing zeros
     * ({@code 12}, {@code 4.5}), a date-formatted number as an ISO date ({@code 2012-03-05}), a boolean as
     * {@code true}/{@code false}, a formula as its cached result, an empty cell as {@code ""}. Trailing empty cells
     * of a row are dropped; a row with no cells is an empty list, so row numbers stay those of the sheet.
     *
     * @throws SheetException when the bytes are not an XLSX workbook (an old binary .xls file is named as such)
     */
    public static List<SheetData> readXlsx(byte[] data) throws SheetException {
        if (data.length >= 8 && ReadableWorkbook.isOLE2Header(java.util.Arrays.copyOf(data, 8))) {
            throw new SheetException("the file is an old binary Excel (.xls) workbook; save it as .xlsx", null);
        }
        if (data.length < 4 || !ReadableWorkbook.isOOXMLZipHeader(java.util.Arrays.copyOf(data, 4))) {
            throw new SheetException("the file is not an XLSX workbook", null);
        }
        List<SheetData> sheets = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(data), new ReadingOptions(true, false))) {
            for (org.dhatim.fastexcel.reader.Sheet sheet : wb.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    while (rows.size() < row.getRowNum() - 1) {
                        rows.add(List.of());
                    }
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                    while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                    rows.add(List.copyOf(cells));
                }
                sheets.add(new SheetData(sheet.getName(), List.copyOf(rows)));
            }
        } catch (IOException | RuntimeException e) {
            throw new SheetException("the XLSX workbook cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        return sheets;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        CellType type = cell.getType();
        if (type == CellType.FORMULA) {
            String cached = cell.getRawValue();
            if (cached == null) {
                return "";
            }
            try {
                BigDecimal n = new BigDecimal(cached.trim());
                return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return cached.trim();
            }
        }
        if (type == CellType.NUMBER) {
            if (isDateFormat(cell)) {
                LocalDateTime t = cell.asDate();
                return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
            }
            BigDecimal n = cell.asNumber();
            return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
        }
        if (type == CellType.BOOLEAN) {
            return Boolean.toString(cell.asBoolean());
        }
        String s = cell.getText();
        return s == null ? "" : s.trim();
    }

    private static boolean isDateFormat(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
            return true;
        }
        String format = cell.getDataFormatString();
        return format != null && DATE_FORMAT.matcher(format.replaceAll("\"[^\"]*\"|\\[[^\\]]*\\]", "")).matches();
    }
}
