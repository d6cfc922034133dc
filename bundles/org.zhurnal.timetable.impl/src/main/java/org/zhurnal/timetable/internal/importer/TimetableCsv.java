package org.zhurnal.timetable.internal.importer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
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
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.timetable.api.TimetableEntry;
import org.zhurnal.timetable.internal.EntryValidation;
import org.zhurnal.timetable.internal.TimetableServiceImpl;

/**
 * The timetable import file: UTF-8 (a BOM is tolerated), {@code ';'} between fields, a header line with the
 * Russian column names of {@link #COLUMNS} (any order, case ignored), one weekly lesson per row. Every row is
 * read, resolved against the school (class and group names, teachers by code or full name) and checked with
 * {@link EntryValidation} before anything is written; all errors come back together as {@code file:row:column}
 * (the header is row 1). Conflicts are not checked here: they need the saved entries (see the service).
 */
public final class TimetableCsv {
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;
    static final int MAX_ERRORS = 500;

    public static final String CLASS = "Класс";
    public static final String GROUP = "Группа";
    public static final String SUBJECT = "Предмет";
    public static final String TEACHER = "Учитель";
    public static final String ROOM = "Кабинет";
    public static final String DAY = "День недели";
    public static final String LESSON = "Урок";
    public static final String FROM = "Действует с";
    public static final String TO = "Действует по";
    public static final String WEEKS = "Недели";
    /** Every column, in the documented order. */
    public static final List<String> COLUMNS = List.of(CLASS, GROUP, SUBJECT, TEACHER, ROOM, DAY, LESSON, FROM, TO, WEEKS);
    static final List<String> REQUIRED = List.of(SUBJECT, TEACHER, DAY, LESSON);

    /** The column of each field of {@link TimetableServiceImpl.NewEntry}, for the shared validation's violations. */
    static final Map<String, String> COLUMN_OF = Map.of("classId", CLASS, "groupId", GROUP, "subject", SUBJECT, "teacherId", TEACHER,
            "room", ROOM, "weekday", DAY, "lessonNumber", LESSON, "validFrom", FROM, "academicYear", FROM, "validTo", TO);

    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, DayOfWeek> DAYS = new HashMap<>();
    private static final Map<String, String> PARITY = Map.of("все", "ALL", "нечёт", "ODD", "нечет", "ODD", "нечётные", "ODD",
            "нечетные", "ODD", "чёт", "EVEN", "чет", "EVEN", "чётные", "EVEN", "четные", "EVEN");

    static {
        String[][] names = { { "пн", "понедельник" }, { "вт", "вторник" }, { "ср", "среда" }, { "чт", "четверг" }, { "пт", "пятница" },
                { "сб", "суббота" }, { "вс", "воскресенье" } };
        for (int i = 0; i < names.length; i++) {
            DayOfWeek d = DayOfWeek.of(i + 1);
            DAYS.put(names[i][0], d);
            DAYS.put(names[i][1], d);
            DAYS.put(Integer.toString(i + 1), d);
        }
    }

    /** Resolves the names a file uses to roster ids of the school's academic year. */
    public interface Directory {
        /** @return the id of the class named like «5А» (already normalised: digits and an upper-case letter) */
        Optional<String> classId(String name);

        /** @return the id of the group with that name (case ignored) */
        Optional<String> groupId(String name);

        /** @return ids of the staff members whose code (external id) is {@code codeOrName}, else whose full name is */
        List<String> teachers(String codeOrName);
    }

    /** What a file is read against. */
    public record Context(String schoolId, int academicYear, LocalDate defaultFrom, Directory directory, EntryValidation.Facts facts) {}

    /** One valid row: its row number (header = 1) and the entry it describes (with a new id). */
    public record Line(int row, TimetableEntry entry) {}

    private TimetableCsv() {
    }

    /** @return a full name as compared with the staff's: single spaces, lower case, «ё» as «е» */
    public static String normalName(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** @return the file name as it appears in messages (no path, no odd characters) */
    public static String displayName(String fileName) {
        return fileName == null || fileName.isBlank() ? "timetable.csv" : fileName.replaceAll("[^\\p{L}0-9._ -]", "_");
    }

    /** Decodes, parses, resolves and validates; throws a 400 problem with every error, or returns the rows. */
    public static List<Line> parse(String fileName, byte[] content, Context ctx) {
        String file = displayName(fileName);
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("file", Text.of("The file is empty", "Файл пуст"));
        }
        if (content.length > MAX_BYTES) {
            throw new ProblemException(413, "too-large", "File too large", Text.of("The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB",
                    "Файл больше " + MAX_BYTES / (1024 * 1024) + " МБ"), "file");
        }
        String text = decode(content);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Map<String, Integer> header = new HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k == null ? "" : k.strip().toLowerCase(Locale.ROOT), v));
            List<Violation> missing = new ArrayList<>();
            for (String col : REQUIRED) {
                if (!header.containsKey(col.toLowerCase(Locale.ROOT))) {
                    missing.add(new Violation(file + ":1:" + col, Text.of("Missing column '" + col + "'", "Нет столбца «" + col + "»")));
                }
            }
            if (!header.containsKey(CLASS.toLowerCase(Locale.ROOT)) && !header.containsKey(GROUP.toLowerCase(Locale.ROOT))) {
                missing.add(new Violation(file + ":1:" + CLASS, Text.of("Missing column '" + CLASS + "' (or '" + GROUP + "')",
                        "Нет столбца «" + CLASS + "» (или «" + GROUP + "»)")));
            }
            if (!missing.isEmpty()) {
                throw ProblemException.invalid(Text.of("The file lacks required columns; expected a header like: " + String.join(";", COLUMNS),
                        "В файле нет нужных столбцов; нужна первая строка вида: " + String.join(";", COLUMNS)), missing);
            }
            List<Violation> errors = new ArrayList<>();
            List<Line> lines = new ArrayList<>();
            int rows = 0;
            for (CSVRecord rec : parser) {
                if (++rows > MAX_ROWS) {
                    throw new ProblemException(413, "too-large", "File too large", Text.of("More than " + MAX_ROWS + " rows",
                            "В файле больше " + MAX_ROWS + " строк"), "file");
                }
                int row = (int) rec.getRecordNumber() + 1;
                Map<String, Text> rowErrors = new LinkedHashMap<>();
                TimetableEntry e = row(rec, header, ctx, rowErrors);
                rowErrors.forEach((column, message) -> errors.add(new Violation(file + ":" + row + ":" + column, message)));
                if (e != null) {
                    lines.add(new Line(row, e));
                }
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(Text.of(errors.size() + (errors.size() >= MAX_ERRORS ? "+" : "") + " errors in " + file
                        + "; nothing was imported", "Ошибок в файле «" + file + "»: " + (errors.size() >= MAX_ERRORS ? "не меньше " : "")
                        + errors.size() + "; ничего не импортировано"), errors);
            }
            if (rows == 0) {
                throw ProblemException.invalid("file", Text.of("The file has a header but no rows",
                        "В файле есть строка заголовка, но нет ни одной строки с уроками"));
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException pe) {
                throw pe;
            }
            throw ProblemException.invalid("file", Text.of("The file is not a readable CSV file: " + e.getMessage(),
                    "Файл не удаётся прочитать как CSV: " + e.getMessage()));
        }
    }

    /** One row: resolved and validated, or {@code null} with the reasons in {@code errors} (column → message, first wins). */
    static TimetableEntry row(CSVRecord rec, Map<String, Integer> header, Context ctx, Map<String, Text> errors) {
        String className = value(rec, header, CLASS);
        String groupName = value(rec, header, GROUP);
        String classId = null;
        String groupId = null;
        if (className.isEmpty() == groupName.isEmpty()) {
            errors.put(CLASS, Text.of("Give either a class (e.g. «5А») or a group, not both and not neither",
                    "Укажите либо класс (например, «5А»), либо группу — что-то одно"));
        } else if (!className.isEmpty()) {
            String normal = className.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
            classId = ctx.directory().classId(normal).orElse(null);
            if (classId == null) {
                errors.put(CLASS, Text.of("No class «" + className + "» in " + ctx.academicYear() + "/" + (ctx.academicYear() + 1),
                        "Класса «" + className + "» нет в " + ctx.academicYear() + "/" + (ctx.academicYear() + 1) + " учебном году"));
            }
        } else {
            groupId = ctx.directory().groupId(groupName).orElse(null);
            if (groupId == null) {
                errors.put(GROUP, Text.of("No group «" + groupName + "» in " + ctx.academicYear() + "/" + (ctx.academicYear() + 1),
                        "Группы «" + groupName + "» нет в " + ctx.academicYear() + "/" + (ctx.academicYear() + 1) + " учебном году"));
            }
        }
        String teacher = value(rec, header, TEACHER);
        String teacherId = null;
        if (teacher.isEmpty()) {
            errors.put(TEACHER, Text.of("The teacher is required: the staff code or the full name",
                    "Укажите учителя: код сотрудника или ФИО полностью"));
        } else {
            List<String> found = ctx.directory().teachers(teacher);
            if (found.isEmpty()) {
                errors.put(TEACHER, Text.of("No staff member with the code or full name «" + teacher + "»",
                        "Нет сотрудника с кодом или ФИО «" + teacher + "»"));
            } else if (found.size() > 1) {
                errors.put(TEACHER, Text.of("Several staff members are called «" + teacher + "»; give the staff code",
                        "ФИО «" + teacher + "» у нескольких сотрудников; укажите код сотрудника"));
            } else {
                teacherId = found.get(0);
            }
        }
        String dayText = value(rec, header, DAY);
        DayOfWeek day = DAYS.get(dayText.toLowerCase(Locale.ROOT).replace(".", ""));
        if (day == null) {
            errors.put(DAY, dayText.isEmpty() ? Text.of("The weekday is required (Пн … Сб)", "Укажите день недели (Пн … Сб)")
                    : Text.of("«" + dayText + "» is not a weekday (Пн … Сб or понедельник … суббота)",
                            "«" + dayText + "» — не день недели (Пн … Сб или понедельник … суббота)"));
        }
        String lessonText = value(rec, header, LESSON);
        Integer lesson = null;
        try {
            lesson = Integer.valueOf(lessonText);
        } catch (NumberFormatException e) {
            errors.put(LESSON, lessonText.isEmpty() ? Text.of("The lesson number is required", "Укажите номер урока")
                    : Text.of("«" + lessonText + "» is not a lesson number", "«" + lessonText + "» — не номер урока"));
        }
        LocalDate from = date(value(rec, header, FROM), FROM, errors);
        if (from == null && !errors.containsKey(FROM)) {
            from = ctx.defaultFrom();
        }
        LocalDate to = date(value(rec, header, TO), TO, errors);
        String weeksText = value(rec, header, WEEKS).toLowerCase(Locale.ROOT).replace('.', ' ').strip();
        String weeks = weeksText.isEmpty() ? "ALL" : PARITY.get(weeksText);
        if (weeks == null) {
            errors.put(WEEKS, Text.of("«" + weeksText + "» is not one of все, нечёт, чёт", "«" + weeksText + "» — не подходит: укажите все, нечёт или чёт"));
        }
        String room = value(rec, header, ROOM);
        EntryValidation.Result r = EntryValidation.validate(ctx.schoolId(), new TimetableServiceImpl.NewEntry(ctx.academicYear(), classId,
                groupId, value(rec, header, SUBJECT), teacherId, room.isEmpty() ? null : room, day, lesson, from, to,
                weeks == null ? "ALL" : weeks), ctx.facts());
        for (Violation v : r.violations()) {
            String column = COLUMN_OF.getOrDefault(v.field(), v.field());
            // A column already reported (e.g. an unknown class) is not reported twice.
            if (!(CLASS.equals(column) && errors.containsKey(GROUP))) {
                errors.putIfAbsent(column, v.text() != null ? v.text() : Text.of(v.message(), null));
            }
        }
        return errors.isEmpty() ? r.entry() : null;
    }

    private static LocalDate date(String text, String column, Map<String, Text> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.contains("-") ? LocalDate.parse(text) : LocalDate.parse(text, RU_DATE);
        } catch (DateTimeParseException e) {
            errors.put(column, Text.of("«" + text + "» is not a date (dd.MM.yyyy)", "«" + text + "» — не дата (ДД.ММ.ГГГГ)"));
            return null;
        }
    }

    private static String value(CSVRecord rec, Map<String, Integer> header, String column) {
        Integer i = header.get(column.toLowerCase(Locale.ROOT));
        return i == null || i >= rec.size() || rec.get(i) == null ? "" : rec.get(i).strip();
    }

    /** UTF-8 with an optional BOM; anything else is refused. */
    static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("file", Text.of("The file is not UTF-8 text; save it as «CSV UTF-8»",
                    "Файл не в кодировке UTF-8; сохраните его как «CSV UTF-8»"));
        }
    }
}
