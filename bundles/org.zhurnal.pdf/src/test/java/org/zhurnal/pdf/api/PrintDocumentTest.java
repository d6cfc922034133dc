package org.zhurnal.pdf.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PrintDocumentTest {
    private static final List<PrintDocument.Column> COLUMNS = List.of(new PrintDocument.Column("Дата", 20),
            new PrintDocument.Column("Предмет", 40), new PrintDocument.Column("Домашнее задание", 120));

    @Test
    void cyrillicTextTablesAndPagesCanBeReadBack() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("16.11", "Математика " + i, "Решить задачи № " + i + " и повторить правило о сложении дробей с разными знаменателями"));
        }
        byte[] pdf = new PrintDocument("Сводка", PrintDocument.Orientation.PORTRAIT).footer("Школа № 7").heading("Лебедева Алиса, 5А")
                .paragraph("Неделя с 09.11.2026 по 15.11.2026").table(COLUMNS, rows).newPage().heading("Орехов Фёдор, 5А")
                .paragraph("Ёлка, «кавычки» и эмодзи \uD83D\uDE00 печатаются без ошибки").render();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 3, "the long table continues on further pages");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Лебедева Алиса, 5А"), text);
            assertTrue(text.contains("Математика 120"), "the last row is printed");
            assertTrue(text.contains("Страница 1 из " + doc.getNumberOfPages()), text);
            assertTrue(text.contains("Школа № 7"));
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(doc.getNumberOfPages());
            last.setEndPage(doc.getNumberOfPages());
            String lastPage = last.getText(doc);
            assertTrue(lastPage.contains("Орехов Фёдор") && !lastPage.contains("Математика 120"), "a new page starts the next student");
            // the header row is repeated on the table's second page
            PDFTextStripper second = new PDFTextStripper();
            second.setStartPage(2);
            second.setEndPage(2);
            assertTrue(second.getText(doc).contains("Домашнее задание"));
            assertEquals("Сводка", doc.getDocumentInformation().getTitle());
        }
    }

    @Test
    void landscapePagesAreWiderThanTall() throws Exception {
        byte[] pdf = new PrintDocument("x", PrintDocument.Orientation.LANDSCAPE).paragraph("a").render();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getPage(0).getMediaBox().getWidth() > doc.getPage(0).getMediaBox().getHeight());
        }
    }
}
