package org.zhurnal.sheets.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SheetsTest {
    private static final Table GRADES = new Table("Ведомость 5А", List.of("Ученик", "Средний балл", "Дата", "Зачёт", "Примечание"),
            List.of(List.of("Иванов Пётр", new BigDecimal("4.50"), LocalDate.of(2026, 12, 25), true, "болел; справка"),
                    Arrays.asList("Сидорова Анна", 3, null, false, "сказала \"приду\""), List.of("Итого")));

    @Test
    void csvHasBomSemicolonsAndQuotedCells() {
        String csv = new String(Sheets.csv(GRADES), StandardCharsets.UTF_8);
        assertEquals("\uFEFFУченик;Средний балл;Дата;Зачёт;Примечание\r\n" + "Иванов Пётр;4.50;2026-12-25;true;\"болел; справка\"\r\n"
                + "Сидорова Анна;3;;false;\"сказала \"\"приду\"\"\"\r\n" + "Итого\r\n", csv);
    }

    @Test
    void russianCsvHasADecimalCommaInFractionsOnly() {
        Table t = new Table("t", List.of("Ученик", "Средний балл", "Доля", "Уроков", "Дата", "Примечание"),
                List.of(List.of("Иванов Пётр", new BigDecimal("4.50"), 93.5d, 12, LocalDate.of(2026, 12, 25), "версия 1.2")));
        assertEquals("\uFEFFУченик;Средний балл;Доля;Уроков;Дата;Примечание\r\nИванов Пётр;4,50;93,5;12;2026-12-25;версия 1.2\r\n",
                new String(Sheets.csv(t, Sheets.RUSSIAN), StandardCharsets.UTF_8));
        assertEquals("\uFEFFУченик;Средний балл;Доля;Уроков;Дата;Примечание\r\nИванов Пётр;4.50;93.5;12;2026-12-25;версия 1.2\r\n",
                new String(Sheets.csv(t, java.util.Locale.ENGLISH), StandardCharsets.UTF_8));
    }

    @Test
    void xlsxOpenedWithPoiHoldsWhatCsvHolds() throws Exception {
        byte[] xlsx = Sheets.xlsx(GRADES);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertEquals("Ведомость 5А", sheet.getSheetName());
            List<String> csvLines = Arrays.asList(new String(Sheets.csv(GRADES), StandardCharsets.UTF_8).substring(1).split("\r\n"));
            assertEquals(csvLines.size(), sheet.getLastRowNum() + 1);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                XSSFRow row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(poiText(row.getCell(c)));
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                assertEquals(csvFields(csvLines.get(r)), cells, "row " + r);
            }
            assertTrue(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold(), "header is bold");
            assertEquals(CellType.NUMERIC, sheet.getRow(1).getCell(1).getCellType(), "numbers stay numbers");
            assertTrue(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(2)), "dates are dates");
        }
    }

    @Test
    void xlsxRoundTripsThroughTheReader() throws Exception {
        List<Sheets.SheetData> read = Sheets.readXlsx(Sheets.xlsx(List.of(GRADES, new Table("Ведомость 5А", List.of("x"), List.of()))));
        assertEquals(2, read.size());
        assertEquals("Ведомость 5А (2)", read.get(1).name(), "sheet names are made unique");
        assertEquals(List.of(List.of("Ученик", "Средний балл", "Дата", "Зачёт", "Примечание"),
                List.of("Иванов Пётр", "4.5", "2026-12-25", "true", "болел; справка"), List.of("Сидорова Анна", "3", "", "false", "сказала \"приду\""),
                List.of("Итого")), read.get(0).rows());
    }

    @Test
    void readsAWorkbookWrittenByAnotherProgram() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("Ученики");
            s.createRow(0).createCell(0).setCellValue("Фамилия");
            s.getRow(0).createCell(1).setCellValue("Дата рождения");
            // row 2 left empty on purpose
            XSSFRow r = s.createRow(2);
            r.createCell(0).setCellValue("Ёлкин");
            XSSFCell date = r.createCell(1);
            date.setCellValue(LocalDate.of(2015, 3, 5));
            var style = wb.createCellStyle();
            style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            date.setCellStyle(style);
            r.createCell(2).setCellValue(12.0);
            r.createCell(3).setCellFormula("C3*2");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        List<List<String>> rows = Sheets.readXlsx(out.toByteArray()).get(0).rows();
        assertEquals(List.of(List.of("Фамилия", "Дата рождения"), List.of(), List.of("Ёлкин", "2015-03-05", "12", "24")), rows);
    }

    @Test
    void refusesWhatIsNotAnXlsxWorkbook() {
        SheetException csv = assertThrows(SheetException.class, () -> Sheets.readXlsx("Фамилия;Имя".getBytes(StandardCharsets.UTF_8)));
        assertEquals("the file is not an XLSX workbook", csv.getMessage());
        byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
        assertTrue(assertThrows(SheetException.class, () -> Sheets.readXlsx(ole2)).getMessage().contains(".xls"));
        byte[] brokenZip = Arrays.copyOf(Sheets.xlsx(GRADES), 200);
        assertTrue(assertThrows(SheetException.class, () -> Sheets.readXlsx(brokenZip)).getMessage().startsWith("the XLSX workbook cannot be read"));
    }

    @Test
    void refusesCellsItCannotWrite() {
        assertThrows(IllegalArgumentException.class, () -> new Table("t", List.of("a"), List.of(List.of(new Object()))));
        assertThrows(IllegalArgumentException.class, () -> new Table("t", List.of("a"), List.of(List.of("1", "2"))));
        assertArrayEquals("\uFEFFa\r\n".getBytes(StandardCharsets.UTF_8), Sheets.csv(new Table("t", List.of("a"), List.of())));
    }

    private static String poiText(XSSFCell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (cell.getCellType() == CellType.BOOLEAN) {
            return Boolean.toString(cell.getBooleanCellValue());
        }
        return new DataFormatter().formatCellValue(cell);
    }

    /** Splits one CSV line as written by {@link Sheets#csv} (numbers compared as numbers). */
    private static List<String> csvFields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ';') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        List<String> normalized = new ArrayList<>();
        for (String f : out) {
            normalized.add(f.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(f).stripTrailingZeros().toPlainString() : f);
        }
        while (!normalized.isEmpty() && normalized.get(normalized.size() - 1).isEmpty()) {
            normalized.remove(normalized.size() - 1);
        }
        return normalized;
    }
}
