package org.zhurnal.roster.internal.importer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.sheets.api.SheetException;
import org.zhurnal.sheets.api.Sheets;

/**
 * The native roster template: a CSV file with Russian column headers, either students (with class and
 * up to two guardians per row) or staff. Accepts UTF-8 (with or without BOM) and Windows-1251, ';' or
 * ',' as separator. Every row is validated before anything is written; all errors are reported as
 * {@code file:row:column}.
 */
public final class NativeCsv {
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final int MAX_ROWS = 100_000;
    static final int MAX_ERRORS = 500;

    public static final List<String> STUDENT_COLUMNS = List.of("Код", "Фамилия", "Имя", "Отчество", "Дата рождения", "Пол",
            "Класс", "Дата зачисления");
    /**
     * The optional column of a students file naming the student's groups (subgroups of the class, electives,
     * extended-day groups, clubs), see {@link #splitGroups} and {@link #groupKind}.
     */
    public static final String GROUPS = "Группы";
    /** The longest group name (the REST API has the same limit). */
    public static final int MAX_GROUP_NAME = 200;
    public static final List<String> STUDENT_REQUIRED = List.of("Код", "Фамилия", "Имя", "Дата рождения", "Пол", "Класс");
    public static final List<String> STAFF_REQUIRED = List.of("Код", "Фамилия", "Имя", "Должность");
    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern CLASS = Pattern.compile("^(\\d{1,2})\\s*-?\\s*([А-ЯЁ])$");
    /** A group name that begins with a class name («5А англ. 1», «5-А, группа 2») is a subgroup of that class. */
    private static final Pattern GROUP_OF_CLASS = Pattern.compile("^(\\d{1,2})\\s*-?\\s*([А-ЯЁа-яё])(?![\\p{L}\\p{N}])");
    private static final java.util.Set<String> CLUB_WORDS = java.util.Set.of("кружок", "секция", "студия", "клуб", "ансамбль",
            "хор", "театр", "объединение");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s;,]+@[^@\\s;,]+\\.[^@\\s;,]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{6,25}$");
    private static final Pattern NAME = Pattern.compile("^[\\p{L}][\\p{L}\\- ']*$");
    private static final Map<String, String> RELATIONS = Map.of("мать", "MOTHER", "отец", "FATHER", "опекун", "GUARDIAN",
            "попечитель", "GUARDIAN", "другое", "OTHER", "бабушка", "OTHER", "дедушка", "OTHER");

    /** What kind of file it is. */
    public enum Kind { STUDENTS, STAFF }

    /** A guardian as given in a students file. */
    public record GuardianRow(String code, String lastName, String firstName, String middleName, String phone, String email,
            boolean noElectronicAccess, int line) {}

    /** A student row. */
    public record StudentRow(String code, String lastName, String firstName, String middleName, LocalDate birthDate, String sex,
            int grade, String letter, LocalDate admissionDate, List<String[]> guardians /* {code, relation} */, List<String> groups,
            int line) {
        public StudentRow {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        /** A row without groups (OneRoster, or a file without «Группы»). */
        public StudentRow(String code, String lastName, String firstName, String middleName, LocalDate birthDate, String sex,
                int grade, String letter, LocalDate admissionDate, List<String[]> guardians, int line) {
            this(code, lastName, firstName, middleName, birthDate, sex, grade, letter, admissionDate, guardians, List.of(), line);
        }

        /** @return «5А» */
        public String className() {
            return grade + letter;
        }
    }

    /**
     * A staff row.
     *
     * @param groups the groups the staff member teaches (the «Группы» column of a staff file), by name
     */
    public record StaffRow(String code, String lastName, String firstName, String middleName, String positions, String subjects,
            String phone, String email, String classTeacherOf, List<String> groups, int line) {
        public StaffRow {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        /** A row without groups (a file without «Группы»). */
        public StaffRow(String code, String lastName, String firstName, String middleName, String positions, String subjects,
                String phone, String email, String classTeacherOf, int line) {
            this(code, lastName, firstName, middleName, positions, subjects, phone, email, classTeacherOf, List.of(), line);
        }
    }

    /**
     * A parsed, valid file.
     *
     * @param groupsColumn whether the file has the «Группы» column: then each row's groups are the student's complete list of
     *        groups of the year (groups not named are left), or in a staff file the complete list of groups the staff member
     *        teaches (groups not named that they taught lose their teacher); without the column groups are not touched
     * @param file the name of the file the rows' numbers refer to, as problems found when the rows are applied name it
     *        ({@code file:row:column})
     */
    public record Parsed(Kind kind, int rows, List<StudentRow> students, Map<String, GuardianRow> guardians, List<StaffRow> staff,
            boolean groupsColumn, String file) {
        public Parsed {
            file = file == null || file.isBlank() ? DEFAULT_FILE : file;
        }

        /** A file named {@value #DEFAULT_FILE}. */
        public Parsed(Kind kind, int rows, List<StudentRow> students, Map<String, GuardianRow> guardians, List<StaffRow> staff,
                boolean groupsColumn) {
            this(kind, rows, students, guardians, staff, groupsColumn, DEFAULT_FILE);
        }

        /** A file without the «Группы» column. */
        public Parsed(Kind kind, int rows, List<StudentRow> students, Map<String, GuardianRow> guardians, List<StaffRow> staff) {
            this(kind, rows, students, guardians, staff, false);
        }
    }

    /** The name problems give a file that came without one. */
    public static final String DEFAULT_FILE = "import.csv";

    private NativeCsv() {}

    /** Decodes, parses and validates; throws a 400 problem with every error, or returns the valid content. */
    public static Parsed parse(String fileName, byte[] content) {
        String file = fileName == null || fileName.isBlank() ? DEFAULT_FILE : fileName.replaceAll("[^\\p{L}0-9._ -]", "_");
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("file", Text.of("The file is empty", "Файл пустой"));
        }
        if (content.length > MAX_BYTES) {
            throw new ProblemException(413, "too-large", "File too large", Text.of("The file is larger than "
                    + MAX_BYTES / (1024 * 1024) + " MB; split it by grades", "Файл больше " + MAX_BYTES / (1024 * 1024)
                    + " МБ; разделите его по параллелям"), "file");
        }
        int[] sheetRows = null;
        String text;
        String lowerName = file.toLowerCase(Locale.ROOT);
        // A file named as a workbook is read as one: random bytes named «.xlsx» are a damaged workbook, not a CSV file
        // without the required columns.
        if (isXlsx(content) || isOldXls(content) || lowerName.endsWith(".xlsx") || lowerName.endsWith(".xls")) {
            XlsxAsCsv sheet = xlsxAsCsv(file, content);
            text = sheet.text();
            sheetRows = sheet.rows();
        } else {
            text = decode(content);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') >= count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Map<String, Integer> header = new HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k == null ? "" : k.strip().toLowerCase(Locale.ROOT), v));
            Kind kind = header.containsKey("должность") ? Kind.STAFF : Kind.STUDENTS;
            List<String> required = kind == Kind.STAFF ? STAFF_REQUIRED : STUDENT_REQUIRED;
            List<Violation> missing = new ArrayList<>();
            for (String col : required) {
                if (!header.containsKey(col.toLowerCase(Locale.ROOT))) {
                    missing.add(new Violation(file + ":1:" + col, Text.of("Missing column '" + col + "'", "Нет столбца «" + col + "»")));
                }
            }
            if (!missing.isEmpty()) {
                String expected = String.join(";", kind == Kind.STAFF ? STAFF_REQUIRED : STUDENT_COLUMNS);
                throw ProblemException.invalid(Text.of("The file lacks required columns; expected a header like: " + expected,
                        "В файле нет обязательных столбцов; нужен заголовок вида: " + expected), missing);
            }
            // The header's columns end with its last named one (spreadsheet programs add empty ones after it).
            Map.Entry<String, Integer> lastColumn = parser.getHeaderMap().entrySet().stream()
                    .filter(e -> e.getKey() != null && !e.getKey().isBlank()).max(Map.Entry.comparingByValue()).orElseThrow();
            Reader r = new Reader(file, header, sheetRows, lastColumn.getValue() + 1, lastColumn.getKey().strip(),
                    sheetRows != null ? null : delimiter);
            for (CSVRecord rec : parser) {
                if (r.rows >= MAX_ROWS) {
                    throw new ProblemException(413, "too-large", "File too large", Text.of("More than " + MAX_ROWS + " rows",
                            "В файле больше " + MAX_ROWS + " строк"), "file");
                }
                r.rows++;
                if (kind == Kind.STAFF) {
                    r.staffRow(rec);
                } else {
                    r.studentRow(rec);
                }
                if (r.errors.size() >= MAX_ERRORS) {
                    break;
                }
            }
            if (!r.errors.isEmpty()) {
                throw Messages.fileErrors(file, r.errors.size() + (r.errors.size() >= MAX_ERRORS ? "+" : ""), r.errors);
            }
            if (r.rows == 0) {
                throw ProblemException.invalid("file", Text.of("The file has a header but no rows",
                        "В файле есть заголовок, но нет строк"));
            }
            return new Parsed(kind, r.rows, r.students, r.guardians, r.staff,
                    header.containsKey(GROUPS.toLowerCase(Locale.ROOT)), file);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException pe) {
                throw pe;
            }
            throw ProblemException.invalid("file", Text.of("The file is not a readable CSV file: " + e.getMessage(),
                    "Файл не удалось прочитать как CSV (" + e.getMessage() + ")"));
        }
    }

    /**
     * Splits a «Группы» cell into group names: at «;» when the cell has one (so a name may contain commas), otherwise at
     * «,». Runs of white space become one space; empty names and repeats (ignoring case) are dropped.
     */
    public static List<String> splitGroups(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        String[] parts = cell.indexOf(';') >= 0 ? cell.split(";") : cell.split(",");
        List<String> names = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String part : parts) {
            String name = part.strip().replaceAll("\\s+", " ");
            if (!name.isEmpty() && seen.add(groupKey(name))) {
                names.add(name);
            }
        }
        return names;
    }

    /** @return the key under which a group name is matched against the school's groups: case and runs of spaces ignored */
    public static String groupKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** @return the class («5А») a group name begins with, or {@code null} when it does not begin with a class of grade 1–11 */
    public static String classOfGroup(String name) {
        Matcher m = GROUP_OF_CLASS.matcher(name.strip());
        if (!m.find()) {
            return null;
        }
        int grade = Integer.parseInt(m.group(1));
        return grade < 1 || grade > 11 ? null : grade + m.group(2).toUpperCase(Locale.ROOT);
    }

    /**
     * The kind of a group that an import creates, from its name: {@code SUBGROUP} when the name begins with a class
     * («5А англ. 1»); {@code EXTENDED_DAY} when it has the word «ГПД» or says «продлённого дня»; {@code CLUB} when it has
     * one of the words кружок, секция, студия, клуб, ансамбль, хор, театр, объединение; otherwise {@code ELECTIVE}
     * (факультатив, элективный курс). A group that exists keeps its kind.
     */
    public static String groupKind(String name) {
        if (classOfGroup(name) != null) {
            return "SUBGROUP";
        }
        String lower = name.toLowerCase(Locale.ROOT).replace('ё', 'е');
        List<String> words = List.of(lower.split("[^\\p{L}\\p{N}]+"));
        if (words.contains("гпд") || lower.contains("продленного дня")) {
            return "EXTENDED_DAY";
        }
        if (words.stream().anyMatch(CLUB_WORDS::contains)) {
            return "CLUB";
        }
        return "ELECTIVE";
    }

    /** @return whether the bytes are a ZIP container (an XLSX workbook; CSV text never starts with «PK\\3\\4») */
    public static boolean isXlsx(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    /** @return whether the bytes are an OLE2 compound document (an old binary Excel .xls workbook) */
    static boolean isOldXls(byte[] content) {
        return content.length >= OLE2.length && java.util.Arrays.equals(content, 0, OLE2.length, OLE2, 0, OLE2.length);
    }

    /** The first worksheet as CSV text for the parser, and the worksheet row of each line (index 0 = the header). */
    record XlsxAsCsv(String text, int[] rows) {}

    /**
     * Reads the first worksheet of the native template saved as XLSX. Empty rows are left out (their row numbers are
     * kept, so errors name the row a user sees in the spreadsheet program); dates typed as dates arrive as ISO dates,
     * which the date columns accept.
     */
    static XlsxAsCsv xlsxAsCsv(String file, byte[] content) {
        List<Sheets.SheetData> sheets;
        try {
            sheets = Sheets.readXlsx(content);
        } catch (SheetException e) {
            if (isOldXls(content)) {
                throw ProblemException.invalid("file", Text.of("The file «" + file + "» is an Excel workbook of the old format (.xls);"
                        + " save it as .xlsx", "Файл «" + file + "» — книга Excel старого формата (.xls); сохраните её как .xlsx"));
            }
            throw ProblemException.invalid("file", Text.of("The file «" + file + "» is not an Excel workbook (.xlsx) or is damaged",
                    "Файл «" + file + "» не является книгой Excel (.xlsx) или повреждён"));
        }
        if (sheets.isEmpty()) {
            throw ProblemException.invalid("file", Text.of(file + ": the workbook has no worksheets", file + ": в книге нет листов"));
        }
        StringBuilder text = new StringBuilder();
        List<Integer> rows = new ArrayList<>();
        List<List<String>> sheet = sheets.get(0).rows();
        for (int i = 0; i < sheet.size(); i++) {
            List<String> row = sheet.get(i);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    text.append(';');
                }
                text.append(NativeCsvExport.escape(row.get(c)));
            }
            text.append("\r\n");
            rows.add(i + 1);
        }
        // Record n of the parser (1-based, header excluded) is line n of the text after the header.
        int[] recordRows = new int[rows.size() + 1];
        for (int i = 1; i < rows.size(); i++) {
            recordRows[i] = rows.get(i);
        }
        return new XlsxAsCsv(text.toString(), recordRows);
    }

    /** UTF-8 (BOM stripped) if the bytes are valid UTF-8, otherwise Windows-1251. */
    static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(content, start, content.length - start, Charset.forName("windows-1251"));
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    /** Row-by-row validation with error collection. */
    private static final class Reader {
        final String file;
        final Map<String, Integer> header;
        final List<Violation> errors = new ArrayList<>();
        final List<StudentRow> students = new ArrayList<>();
        final Map<String, GuardianRow> guardians = new LinkedHashMap<>();
        final List<StaffRow> staff = new ArrayList<>();
        final Map<String, Integer> codes = new HashMap<>();
        int rows;
        int line;

        /** For an XLSX file: the worksheet row of each record (1-based), since empty rows were left out of the text. */
        final int[] sheetRows;
        /** The columns of the header, up to its last named one: a row's values beyond them would be lost. */
        final int columns;
        /** The name of the header's last column. */
        final String lastColumn;
        /** The separator of a CSV file; {@code null} for a workbook. */
        final Character delimiter;
        /** The class each class teacher of a staff file leads («5А»), with the row naming them. */
        final Map<String, Integer> classTeachers = new HashMap<>();

        Reader(String file, Map<String, Integer> header, int[] sheetRows, int columns, String lastColumn, Character delimiter) {
            this.file = file;
            this.header = header;
            this.sheetRows = sheetRows;
            this.columns = columns;
            this.lastColumn = lastColumn;
            this.delimiter = delimiter;
        }

        /**
         * Refuses a row with non-empty values beyond the header's last column (an unquoted value with the separator in it,
         * such as a «Группы» cell «Кружок; Хор», or a stray value): they belong to no column and would be lost. Empty cells
         * there (the «;;» spreadsheet programs add) are allowed.
         */
        void extraValues(CSVRecord rec) {
            List<String> extra = new ArrayList<>();
            for (int i = columns; i < rec.size(); i++) {
                String v = rec.get(i);
                if (v != null && !v.isBlank()) {
                    extra.add(v.strip().length() > 40 ? v.strip().substring(0, 40) + "…" : v.strip());
                }
            }
            if (extra.isEmpty()) {
                return;
            }
            boolean one = extra.size() == 1;
            String values = "«" + String.join("», «", extra) + "»";
            String head = "The row has more values than the header has columns (" + columns + "): " + values;
            String ruHead = "В строке больше значений, чем столбцов в заголовке (" + columns + "): " + values;
            if (delimiter == null) {
                error(lastColumn, head + (one ? " is" : " are") + " to the right of the last column «" + lastColumn
                        + "»; delete " + (one ? "it" : "them") + " or give " + (one ? "its" : "their") + " column a header",
                        ruHead + " — правее последнего столбца «" + lastColumn + "»; удалите " + (one ? "это значение" : "их")
                                + " или дайте столбцу заголовок");
            } else {
                error(lastColumn, head + (one ? " belongs" : " belong") + " to no column; put a value that contains «" + delimiter
                        + "» in double quotes, e.g. \"Кружок" + delimiter + " Хор\"", ruHead + (one ? " не попадает" : " не попадают")
                        + " ни в один столбец; значение с «" + delimiter + "» заключите в кавычки, например \"Кружок" + delimiter
                        + " Хор\"");
            }
        }

        int lineOf(CSVRecord rec) {
            int record = (int) rec.getRecordNumber();
            return sheetRows != null && record < sheetRows.length ? sheetRows[record] : record + 1;
        }

        String get(CSVRecord rec, String column) {
            Integer i = header.get(column.toLowerCase(Locale.ROOT));
            if (i == null || i >= rec.size()) {
                return "";
            }
            String v = rec.get(i);
            return v == null ? "" : v.strip();
        }

        void error(String column, String en, String ru) {
            errors.add(Messages.rowError(file, line, column, en, ru));
        }

        String required(CSVRecord rec, String column, int max) {
            String v = get(rec, column);
            if (v.isEmpty()) {
                error(column, "'" + column + "' is required", "Заполните столбец «" + column + "»");
            } else if (v.length() > max) {
                error(column, "'" + column + "' is longer than " + max + " characters", "Столбец «" + column + "» — не длиннее " + max
                        + " символов");
            }
            return v;
        }

        String name(CSVRecord rec, String column, boolean required) {
            String v = required ? required(rec, column, 100) : get(rec, column);
            if (!v.isEmpty() && (v.length() > 100 || !NAME.matcher(v).matches())) {
                error(column, "'" + v + "' is not a valid name", "«" + v + "» — недопустимое значение в столбце «" + column + "»");
            }
            return v.isEmpty() ? null : v;
        }

        LocalDate date(CSVRecord rec, String column, boolean required) {
            String v = required ? required(rec, column, 10) : get(rec, column);
            if (v.isEmpty()) {
                return null;
            }
            try {
                return v.contains("-") ? LocalDate.parse(v) : LocalDate.parse(v, RU_DATE);
            } catch (DateTimeParseException e) {
                error(column, "'" + v + "' is not a date; write it as ДД.ММ.ГГГГ", "«" + v + "» — не дата; пишите дату как ДД.ММ.ГГГГ");
                return null;
            }
        }

        void code(String code, String kind) {
            Integer first = codes.putIfAbsent(kind + ":" + code, line);
            if (first != null) {
                error("Код", "Code '" + code + "' appears again (first on row " + first + ")",
                        "Код «" + code + "» повторяется (впервые — в строке " + first + ")");
            }
        }

        void studentRow(CSVRecord rec) {
            line = lineOf(rec);
            extraValues(rec);
            String code = required(rec, "Код", 100);
            if (!code.isEmpty()) {
                code(code, "S");
            }
            String last = name(rec, "Фамилия", true);
            String first = name(rec, "Имя", true);
            String middle = name(rec, "Отчество", false);
            LocalDate birth = date(rec, "Дата рождения", true);
            if (birth != null && (birth.getYear() < 1990 || birth.isAfter(LocalDate.now()))) {
                error("Дата рождения", "'" + birth + "' is not a plausible birth date of a student", "«" + Messages.date(birth)
                        + "» — неправдоподобная дата рождения ученика");
            }
            String sexRaw = required(rec, "Пол", 1).toUpperCase(Locale.ROOT);
            String sex = switch (sexRaw) {
                case "М", "M" -> "M";
                case "Ж", "F" -> "F";
                default -> {
                    if (!sexRaw.isEmpty()) {
                        error("Пол", "'" + sexRaw + "' is not М or Ж", "Пол указывается буквой М или Ж, а не «" + sexRaw + "»");
                    }
                    yield null;
                }
            };
            String cls = required(rec, "Класс", 5).toUpperCase(Locale.ROOT);
            int grade = 0;
            String letter = null;
            if (!cls.isEmpty()) {
                Matcher m = CLASS.matcher(cls);
                if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 11) {
                    error("Класс", "'" + cls + "' is not a class such as 5А (grade 1–11 and a Cyrillic letter)", "«" + cls
                            + "» — не класс вида 5А (номер от 1 до 11 и русская буква)");
                } else {
                    grade = Integer.parseInt(m.group(1));
                    letter = m.group(2);
                }
            }
            LocalDate admission = date(rec, "Дата зачисления", false);
            List<String[]> links = new ArrayList<>();
            for (int n = 1; n <= 2; n++) {
                String gCode = get(rec, "Код представителя " + n);
                String gName = get(rec, "Представитель " + n);
                String rel = get(rec, "Кем приходится " + n).toLowerCase(Locale.ROOT);
                String phone = get(rec, "Телефон " + n);
                String email = get(rec, "E-mail " + n);
                String noAccess = get(rec, "Без электронного доступа " + n).toLowerCase(Locale.ROOT);
                if (gCode.isEmpty() && gName.isEmpty() && phone.isEmpty() && email.isEmpty()) {
                    continue;
                }
                if (gCode.isEmpty()) {
                    error("Код представителя " + n, "Guardian " + n + " needs a code", "Укажите код представителя " + n);
                }
                String[] parts = gName.split("\\s+");
                if (gName.isEmpty() || parts.length < 2) {
                    error("Представитель " + n, "Write guardian " + n + " as «Фамилия Имя Отчество»", "Запишите представителя " + n
                            + " как «Фамилия Имя Отчество»");
                } else {
                    for (String p : parts) {
                        if (!NAME.matcher(p).matches()) {
                            error("Представитель " + n, "'" + gName + "' is not a valid name",
                                    "«" + gName + "» — недопустимое значение в столбце «Представитель " + n + "»");
                            break;
                        }
                    }
                }
                String relation = RELATIONS.get(rel.isEmpty() ? "другое" : rel);
                if (relation == null) {
                    error("Кем приходится " + n, "'" + rel + "' is not one of: мать, отец, опекун, попечитель, бабушка, дедушка, другое",
                            "«" + rel + "» — не одно из значений: мать, отец, опекун, попечитель, бабушка, дедушка, другое");
                }
                if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
                    error("Телефон " + n, "'" + phone + "' is not a phone number", "«" + phone + "» — не номер телефона");
                }
                if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
                    error("E-mail " + n, "'" + email + "' is not an e-mail address", "«" + email + "» — не адрес электронной почты");
                }
                boolean no = switch (noAccess) {
                    case "да", "yes", "1", "true" -> true;
                    case "", "нет", "no", "0", "false" -> false;
                    default -> {
                        error("Без электронного доступа " + n, "'" + noAccess + "' is not да or нет", "Пишите «да» или «нет», а не «"
                                + noAccess + "»");
                        yield false;
                    }
                };
                if (gCode.isEmpty() || parts.length < 2) {
                    continue;
                }
                GuardianRow g = new GuardianRow(gCode, parts[0], parts[1], parts.length > 2 ? String.join(" ",
                        java.util.Arrays.copyOfRange(parts, 2, parts.length)) : null, phone.isEmpty() ? null : phone,
                        email.isEmpty() ? null : email.toLowerCase(Locale.ROOT), no, line);
                GuardianRow before = guardians.putIfAbsent(gCode, g);
                if (before != null && !same(before, g)) {
                    error("Код представителя " + n, "Guardian '" + gCode + "' is given differently on row " + before.line()
                            + " (name, contacts or access flag differ)", "Представитель с кодом «" + gCode + "» в строке "
                            + before.line() + " записан по-другому (отличаются ФИО, контакты или «Без электронного доступа»)");
                }
                links.add(new String[] {gCode, relation == null ? "OTHER" : relation});
            }
            List<String> groups = groups(get(rec, GROUPS), letter == null ? null : grade + letter);
            if (letter != null && sex != null && birth != null && last != null && first != null) {
                students.add(new StudentRow(code, last, first, middle, birth, sex, grade, letter, admission, links, groups, line));
            }
        }

        /** The group names of a «Группы» cell; a subgroup must be one of the student's own class (a staff row: any class). */
        List<String> groups(String cell, String className) {
            List<String> names = splitGroups(cell);
            for (String name : names) {
                if (name.length() > MAX_GROUP_NAME) {
                    error(GROUPS, "Group name '" + name.substring(0, 40) + "…' is longer than " + MAX_GROUP_NAME + " characters",
                            "Название группы «" + name.substring(0, 40) + "…» длиннее " + MAX_GROUP_NAME + " символов");
                } else if (name.chars().anyMatch(Character::isISOControl) || name.chars().noneMatch(Character::isLetterOrDigit)) {
                    error(GROUPS, "'" + name + "' is not a group name; separate the groups with «;»", "«" + name
                            + "» — не название группы; разделяйте группы знаком «;»");
                } else {
                    String of = classOfGroup(name);
                    if (of != null && className != null && !of.equals(className)) {
                        error(GROUPS, "Group '" + name + "' begins with class " + of + ", so it is a subgroup of " + of
                                + ", but the student is in " + className + "; name the groups of other classes without a class"
                                + " at the start", "Группа «" + name + "» начинается с класса " + of + ", то есть это подгруппа "
                                + of + ", а ученик учится в " + className + "; группы других классов называйте без класса "
                                + "в начале");
                    }
                }
            }
            return names;
        }

        private static boolean same(GuardianRow a, GuardianRow b) {
            return a.lastName().equals(b.lastName()) && a.firstName().equals(b.firstName())
                    && java.util.Objects.equals(a.middleName(), b.middleName()) && java.util.Objects.equals(a.phone(), b.phone())
                    && java.util.Objects.equals(a.email(), b.email()) && a.noElectronicAccess() == b.noElectronicAccess();
        }

        void staffRow(CSVRecord rec) {
            line = lineOf(rec);
            extraValues(rec);
            String code = required(rec, "Код", 100);
            if (!code.isEmpty()) {
                code(code, "T");
            }
            String last = name(rec, "Фамилия", true);
            String first = name(rec, "Имя", true);
            String middle = name(rec, "Отчество", false);
            String positions = required(rec, "Должность", 300);
            String subjects = get(rec, "Предметы");
            if (subjects.length() > 500) {
                error("Предметы", "'Предметы' is longer than 500 characters", "Столбец «Предметы» — не длиннее 500 символов");
            }
            String phone = get(rec, "Телефон");
            if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
                error("Телефон", "'" + phone + "' is not a phone number", "«" + phone + "» — не номер телефона");
            }
            String email = get(rec, "E-mail");
            if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
                error("E-mail", "'" + email + "' is not an e-mail address", "«" + email + "» — не адрес электронной почты");
            }
            String cls = get(rec, "Классный руководитель").toUpperCase(Locale.ROOT);
            if (!cls.isEmpty() && !CLASS.matcher(cls).matches()) {
                error("Классный руководитель", "'" + cls + "' is not a class such as 5А", "«" + cls + "» — не класс вида 5А");
            } else if (!cls.isEmpty()) {
                // A class has one class teacher: a second row naming the class would silently replace the first.
                String led = cls.replaceAll("[\\s-]", "");
                Integer other = classTeachers.putIfAbsent(led, line);
                if (other != null) {
                    error("Классный руководитель", "Class " + led + " is given as led by two staff members: rows " + other + " and "
                            + line + "; a class has one class teacher", "Класс " + led + " указан классным руководством у двух"
                            + " сотрудников: строки " + other + " и " + line);
                }
            }
            List<String> groups = groups(get(rec, GROUPS), null);
            if (last != null && first != null && !positions.isEmpty()) {
                staff.add(new StaffRow(code, last, first, middle, positions, subjects.isEmpty() ? null : subjects,
                        phone.isEmpty() ? null : phone, email.isEmpty() ? null : email.toLowerCase(Locale.ROOT),
                        cls.isEmpty() ? null : cls.replaceAll("[\\s-]", ""), groups, line));
            }
        }
    }
}
