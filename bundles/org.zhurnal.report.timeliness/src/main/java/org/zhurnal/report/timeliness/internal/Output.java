package org.zhurnal.report.timeliness.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.zhurnal.pdf.api.PrintDocument;
import org.zhurnal.reporting.spi.ReportFormat;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportParameterException;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.sheets.api.Sheets;
import org.zhurnal.sheets.api.Table;

/** Renders the control reports' tables: CSV (tables one after another, a blank line between), XLSX (a sheet each), PDF. */
final class Output {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Output() {
    }

    /** A table with the PDF column widths (scaled to the page). */
    record Part(String heading, Table table, float[] widths, String emptyText) {
    }

    /** The parameters of a school report over a date range. */
    static final List<org.zhurnal.reporting.spi.ReportParameter> SCHOOL_RANGE = List.of(
            new org.zhurnal.reporting.spi.ReportParameter("schoolId", org.zhurnal.reporting.spi.ParameterType.SCHOOL, true, "Школа", "School"),
            new org.zhurnal.reporting.spi.ReportParameter("from", org.zhurnal.reporting.spi.ParameterType.DATE, true, "С", "From"),
            new org.zhurnal.reporting.spi.ReportParameter("to", org.zhurnal.reporting.spi.ParameterType.DATE, true, "По", "To"));

    /** The parameters of a municipal report over a date range. */
    static final List<org.zhurnal.reporting.spi.ReportParameter> MUNICIPALITY_RANGE = List.of(
            new org.zhurnal.reporting.spi.ReportParameter("municipalityId", org.zhurnal.reporting.spi.ParameterType.MUNICIPALITY, true,
                    "Муниципалитет", "Municipality"),
            SCHOOL_RANGE.get(1), SCHOOL_RANGE.get(2));

    /** @return the {@code from} and {@code to} of the request, checked ({@code to} ≥ {@code from}, at most a year) */
    static LocalDate[] range(ReportRequest request) {
        LocalDate from = LocalDate.parse(request.parameters().get("from"));
        LocalDate to = LocalDate.parse(request.parameters().get("to"));
        try {
            Shares.checkRange(from, to);
        } catch (IllegalArgumentException e) {
            throw new ReportParameterException("to", e.getMessage(), to.isBefore(from) ? "Конец периода раньше его начала" : "Период отчёта — не больше года");
        }
        return new LocalDate[] { from, to };
    }

    static Object num(BigDecimal d) {
        return d;
    }

    /** A PDF cell: a date as dd.MM.yyyy, a fraction with the report language's decimal separator («80,6» in Russian). */
    static String text(Object cell, java.util.Locale locale) {
        return cell instanceof LocalDate d ? DAY.format(d) : Table.text(cell, locale);
    }

    static ReportOutput render(ReportRequest request, String fileBase, String title, List<String> paragraphs, List<Part> parts,
            PrintDocument.Orientation orientation) throws IOException {
        if (request.format() == ReportFormat.CSV) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int i = 0; i < parts.size(); i++) {
                byte[] csv = Sheets.csv(parts.get(i).table(), "en".equals(request.language()) ? java.util.Locale.ENGLISH : org.zhurnal.sheets.api.Sheets.RUSSIAN);
                if (i == 0) {
                    b.write(csv);
                } else {
                    b.write("\r\n".getBytes(StandardCharsets.UTF_8));
                    b.write(csv, 3, csv.length - 3); // one byte-order mark, at the start of the file
                }
            }
            return new ReportOutput(fileBase + ".csv", b.toByteArray());
        }
        if (request.format() == ReportFormat.XLSX) {
            return new ReportOutput(fileBase + ".xlsx", Sheets.xlsx(parts.stream().map(Part::table).toList()));
        }
        PrintDocument doc = new PrintDocument(title, orientation).footer(title).heading(title);
        paragraphs.forEach(doc::paragraph);
        for (Part p : parts) {
            if (p.heading() != null) {
                doc.space(3).subheading(p.heading());
            }
            if (p.table().rows().isEmpty() && p.emptyText() != null) {
                doc.paragraph(p.emptyText());
                continue;
            }
            List<PrintDocument.Column> columns = new ArrayList<>();
            for (int i = 0; i < p.table().headers().size(); i++) {
                columns.add(new PrintDocument.Column(p.table().headers().get(i), p.widths()[i]));
            }
            List<List<String>> rows = new ArrayList<>();
            for (List<Object> row : p.table().rows()) {
                java.util.Locale locale = "en".equals(request.language()) ? java.util.Locale.ENGLISH : Sheets.RUSSIAN;
                rows.add(row.stream().map(c -> text(c, locale)).toList());
            }
            doc.table(columns, rows);
        }
        return new ReportOutput(fileBase + ".pdf", doc.render());
    }
}
