package org.zhurnal.sheets.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table: a name (the worksheet's name in XLSX), a header row and data rows. A cell is a {@link String}, a
 * {@link Number} (kept a number in XLSX), a {@link LocalDate}, a {@link Boolean} or {@code null} (empty).
 *
 * @param name the table's name; XLSX keeps its first 31 characters, without {@code []:*?/\}
 * @param headers the column headers
 * @param rows the data rows; a row may be shorter than the header (the rest is empty), never longer
 */
public record Table(String name, List<String> headers, List<List<Object>> rows) {
    public Table {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        headers = List.copyOf(headers);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            if (row.size() > headers.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + row.size() + " cells for " + headers.size() + " columns");
            }
            for (Object cell : row) {
                if (cell != null && !(cell instanceof String || cell instanceof Number || cell instanceof LocalDate || cell instanceof Boolean)) {
                    throw new IllegalArgumentException("row " + (i + 1) + ": a cell is a String, Number, LocalDate or Boolean, not "
                            + cell.getClass().getName());
                }
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** @return a cell as text, the way CSV writes it: numbers plainly (no exponent), dates ISO, {@code null} empty */
    /**
     * @return as {@link #text(Object)}, a fractional number with {@code locale}'s decimal separator («4,25» in Russian)
     * @since 1.1
     */
    public static String text(Object cell, java.util.Locale locale) {
        String plain = text(cell);
        char decimal = java.text.DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return decimal != '.' && (cell instanceof BigDecimal || cell instanceof Double || cell instanceof Float) ? plain.replace('.', decimal)
                : plain;
    }

    public static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (cell instanceof Double || cell instanceof Float) {
            return BigDecimal.valueOf(((Number) cell).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return cell.toString();
    }
}
