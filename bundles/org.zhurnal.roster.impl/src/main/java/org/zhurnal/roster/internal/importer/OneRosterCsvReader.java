package org.zhurnal.roster.internal.importer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.roster.internal.importer.NativeCsv.GuardianRow;
import org.zhurnal.roster.internal.importer.NativeCsv.StaffRow;
import org.zhurnal.roster.internal.importer.NativeCsv.StudentRow;

/**
 * Reads a OneRoster 1.2 CSV zip into the rows of the native template ({@link OneRosterCsv#parse}).
 *
 * <p>Rules:
 * <ul>
 * <li>The zip may hold at most {@value OneRosterCsv#MAX_ENTRIES} entries, none larger than 50 MB and all
 * together not larger than 200 MB uncompressed (413 otherwise). Files are found by name (case-insensitive,
 * folders ignored). {@code manifest.csv}, {@code users.csv}, {@code enrollments.csv} and {@code classes.csv}
 * are required, and so is {@code roles.csv} unless {@code users.csv} has a 1.1-style {@code role} column; a file
 * declared {@code absent} in the manifest is ignored. A UTF-8 BOM is stripped; text that is not UTF-8 is read
 * as Windows-1251. Rows with status {@code tobedeleted} are skipped.</li>
 * <li>The academic year ends on the latest {@code endDate} of a schoolYear session (else of any session, else
 * of any enrolment). An enrolment is current when it has no {@code endDate} or ends on or after that day.</li>
 * <li>Students are users with the role {@code student} that have a current {@code student} enrolment in a
 * {@code homeroom} class; a student with none is not part of this roster and is skipped. The class name is
 * the class's {@code title}, or else its {@code classCode}, and must look like «5А» (grade 1–11 and a
 * Cyrillic letter). Birth date and sex come from {@code demographics.csv} and are required. The admission date
 * is {@code metadata.zhurnal.admissionDate} if the column exists, else the enrolment's {@code beginDate}.</li>
 * <li>Guardians are the students' agents ({@code agentSourcedIds} on either side) with a role {@code parent},
 * {@code guardian} or {@code relative}. The relation is {@code metadata.zhurnal.relation} if given; else a
 * parent is MOTHER or FATHER by the sex in {@code demographics.csv} (OTHER if unknown), a guardian is GUARDIAN,
 * a relative OTHER. {@code metadata.zhurnal.noElectronicAccess} gives the access flag (false if absent).</li>
 * <li>Staff are users with a staff role (teacher, principal, site/district/system administrator,
 * administrator, counselor, aide, proctor) or a current teacher/administrator enrolment. Positions are
 * {@code metadata.zhurnal.positions} if given, else derived from the roles (teacher → «учитель», principal →
 * «директор», administrators → «администрация», counselor → «педагог-психолог», aide/proctor → «ассистент»).
 * The homeroom class in which a user has a current {@code teacher} enrolment with {@code primary=true} is
 * the class they lead.</li>
 * <li>Groups: when classes.csv has the column {@code metadata.zhurnal.groupKind} (a Zhurnal export), every
 * non-homeroom class with a value there is a group named by its title (else classCode), and each student's current
 * {@code student} enrolments in such classes are the student's complete list of groups, and each staff member's
 * current {@code teacher} enrolments the complete list of groups they teach, as the native «Группы» columns are
 * (the kind is inferred from the name, as there). Without the column (another system's file), scheduled
 * classes are ignored and groups are left as they are.</li>
 * <li>{@code code} is the user's {@code identifier}, or the {@code sourcedId} when that is empty.</li>
 * <li>Names, phones and e-mail addresses are checked as in the native template. Every error is collected as
 * {@code file.csv:line:column} (header = line 1) and all of them are thrown together.</li>
 * </ul>
 */
final class OneRosterCsvReader {
    static final int MAX_ERRORS = 500;
    private static final Pattern CLASS = Pattern.compile("^(\\d{1,2})\\s*-?\\s*([А-ЯЁ])$");
    private static final Pattern LATIN_CLASS = Pattern.compile("^(\\d{1,2})\\s*-?\\s*([A-Z])$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s;,]+@[^@\\s;,]+\\.[^@\\s;,]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{6,25}$");
    private static final Pattern NAME = Pattern.compile("^[\\p{L}][\\p{L}\\- ']*$");

    private static final List<String> ROLE_NAMES = List.of("student", "parent", "guardian", "relative", "teacher", "aide",
            "counselor", "principal", "proctor", "siteAdministrator", "districtAdministrator", "systemAdministrator",
            "administrator");
    private static final Set<String> GUARDIAN_ROLES = Set.of("parent", "guardian", "relative");
    private static final Map<String, String> POSITION_OF_ROLE = Map.of("teacher", "учитель", "principal", "директор",
            "administrator", "администрация", "siteAdministrator", "администрация", "districtAdministrator", "администрация",
            "systemAdministrator", "администрация", "counselor", "педагог-психолог", "aide", "ассистент", "proctor", "ассистент");
    private static final List<String> ENROLLMENT_ROLES = List.of("student", "teacher", "administrator", "proctor");
    private static final List<String> RELATIONS = List.of("MOTHER", "FATHER", "GUARDIAN", "OTHER");

    private final List<Violation> errors = new ArrayList<>();
    private boolean truncated;

    // ------------------------------------------------------------------------------------------------------
    // Tables
    // ------------------------------------------------------------------------------------------------------

    private record Row(int line, List<String> values) {}

    /** One CSV file: header positions by lower-cased column name, and its non-blank rows. */
    private static final class Table {
        final String file;
        final Map<String, Integer> header = new HashMap<>();
        final List<Row> rows = new ArrayList<>();

        Table(String file) {
            this.file = file;
        }

        boolean has(String column) {
            return header.containsKey(column.toLowerCase(Locale.ROOT));
        }

        String get(Row row, String column) {
            Integer i = header.get(column.toLowerCase(Locale.ROOT));
            if (i == null || i >= row.values().size()) {
                return "";
            }
            String v = row.values().get(i);
            return v == null ? "" : v.strip();
        }

        boolean deleted(Row row) {
            return "tobedeleted".equalsIgnoreCase(get(row, "status"));
        }
    }

    private void error(String file, int line, String column, String en, String ru) {
        if (errors.size() >= MAX_ERRORS) {
            truncated = true;
            return;
        }
        errors.add(new Violation(file + ":" + line + ":" + column, Text.of(en, ru)));
    }

    private void failIfErrors() {
        if (!errors.isEmpty()) {
            String count = errors.size() + (truncated ? "+" : "");
            throw ProblemException.invalid(Messages.summary(count + " errors in the OneRoster file; nothing was imported",
                    "Ошибок в файле OneRoster: " + count + "; ничего не импортировано", errors), errors);
        }
    }

    private Table table(String file, byte[] bytes, List<String> required) {
        Table t = new Table(file);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        long line = 0;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(decode(bytes))).setFormat(format).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            boolean first = true;
            while (true) {
                line = parser.getCurrentLineNumber() + 1;
                if (!it.hasNext()) {
                    break;
                }
                List<String> values = it.next().toList();
                if (first) {
                    first = false;
                    for (int i = 0; i < values.size(); i++) {
                        String name = values.get(i) == null ? "" : values.get(i).strip().toLowerCase(Locale.ROOT);
                        if (!name.isEmpty() && t.header.putIfAbsent(name, i) != null) {
                            error(file, 1, values.get(i).strip(), "Column '" + values.get(i).strip() + "' appears twice",
                                    "Столбец «" + values.get(i).strip() + "» встречается дважды");
                        }
                    }
                    continue;
                }
                if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                t.rows.add(new Row((int) line, values));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            error(file, (int) line, "", "Not a readable CSV file: " + e.getMessage(), "Файл не удалось прочитать как CSV ("
                    + e.getMessage() + ")");
            return t;
        }
        if (t.header.isEmpty()) {
            error(file, 1, "", "The file has no header line", "В файле нет строки заголовка");
            return t;
        }
        for (String column : required) {
            if (!t.has(column)) {
                error(file, 1, column, "Missing column '" + column + "'", "Нет столбца «" + column + "»");
            }
        }
        return t;
    }

    /** UTF-8 (BOM stripped) if the bytes are valid UTF-8, otherwise Windows-1251. */
    static String decode(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, start, content.length - start, Charset.forName("windows-1251"));
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // Zip
    // ------------------------------------------------------------------------------------------------------

    private static ProblemException tooLarge(Text detail) {
        return new ProblemException(413, "too-large", "File too large", detail, "file");
    }

    /** The known CSV files of the zip by canonical name ("users.csv"), with the size guards. */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, String> known = new HashMap<>();
        known.put("manifest.csv", "manifest.csv");
        OneRosterCsv.ALL_FILES.forEach(f -> known.put(f.toLowerCase(Locale.ROOT) + ".csv", f + ".csv"));
        Map<String, byte[]> files = new HashMap<>();
        int entries = 0;
        long total = 0;
        byte[] chunk = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > OneRosterCsv.MAX_ENTRIES) {
                    throw tooLarge(Text.of("The zip holds more than " + OneRosterCsv.MAX_ENTRIES + " entries",
                            "В ZIP-архиве больше " + OneRosterCsv.MAX_ENTRIES + " файлов"));
                }
                String name = entry.getName().replace('\\', '/');
                String base = name.substring(name.lastIndexOf('/') + 1);
                String canonical = entry.isDirectory() || name.startsWith("__MACOSX/") ? null
                        : known.get(base.toLowerCase(Locale.ROOT));
                ByteArrayOutputStream buf = canonical == null ? null : new ByteArrayOutputStream();
                long size = 0;
                for (int n; (n = in.read(chunk)) > 0;) {
                    size += n;
                    total += n;
                    if (size > OneRosterCsv.MAX_ENTRY_BYTES) {
                        throw tooLarge(Text.of("'" + base + "' in the zip is larger than "
                                + OneRosterCsv.MAX_ENTRY_BYTES / (1024 * 1024) + " MB uncompressed", "Файл «" + base
                                + "» в архиве больше " + OneRosterCsv.MAX_ENTRY_BYTES / (1024 * 1024) + " МБ в распакованном виде"));
                    }
                    if (total > OneRosterCsv.MAX_TOTAL_BYTES) {
                        throw tooLarge(Text.of("The zip's content is larger than " + OneRosterCsv.MAX_TOTAL_BYTES / (1024 * 1024)
                                + " MB uncompressed", "Содержимое архива больше " + OneRosterCsv.MAX_TOTAL_BYTES / (1024 * 1024)
                                + " МБ в распакованном виде"));
                    }
                    if (buf != null) {
                        buf.write(chunk, 0, n);
                    }
                }
                if (buf != null && files.putIfAbsent(canonical, buf.toByteArray()) != null) {
                    throw ProblemException.invalid("file", Text.of("The zip holds " + canonical + " twice",
                            "Файл " + canonical + " встречается в архиве дважды"));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ProblemException.invalid("file", Text.of("The file is not a readable zip archive: " + e.getMessage(),
                    "Файл не удалось прочитать как ZIP-архив (" + e.getMessage() + ")"));
        }
        if (entries == 0) {
            throw ProblemException.invalid("file", Text.of("The file is not a zip archive, or the archive is empty",
                    "Файл — не ZIP-архив, или архив пуст"));
        }
        return files;
    }

    // ------------------------------------------------------------------------------------------------------
    // Model
    // ------------------------------------------------------------------------------------------------------

    private record User(Row row, String id, List<String> agents) {}

    /** A class of classes.csv; {@code group}: a Zhurnal group (a non-homeroom class with {@code metadata.zhurnal.groupKind}). */
    private record Cls(Row row, String id, String title, String code, boolean homeroom, String school, boolean group) {}

    /** Whether classes.csv has the {@code metadata.zhurnal.groupKind} column: then students' groups are complete lists. */
    private boolean groupsColumn;

    private record Demo(Row row, LocalDate birth, boolean birthInvalid, String sex) {}

    private record Enr(Row row, String user, String cls, String role, boolean primary, LocalDate begin, LocalDate end) {}

    private Table users;
    private Table demographicsTable;
    private final Map<String, User> userById = new LinkedHashMap<>();
    private final Map<String, List<String>> rolesOf = new HashMap<>();
    private final Map<String, Cls> classById = new LinkedHashMap<>();
    private final Map<String, String> classNames = new HashMap<>();
    private final Map<String, Demo> demoById = new HashMap<>();
    private final Map<String, List<Enr>> enrolmentsOf = new HashMap<>();
    private final Map<String, List<String>> reverseAgents = new HashMap<>();
    private LocalDate yearEnd;

    // ------------------------------------------------------------------------------------------------------
    // Reading
    // ------------------------------------------------------------------------------------------------------

    OneRosterCsv.Result read(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw ProblemException.invalid("file", Text.of("The file is empty", "Файл пустой"));
        }
        Map<String, byte[]> files = unzip(zip);
        byte[] manifestBytes = files.get("manifest.csv");
        if (manifestBytes == null) {
            throw ProblemException.invalid("file", Text.of("manifest.csv is missing: this is not a OneRoster CSV package",
                    "Нет файла manifest.csv: это не пакет OneRoster CSV"));
        }
        Map<String, String> modes = manifest(table("manifest.csv", manifestBytes, OneRosterCsv.MANIFEST), files);
        failIfErrors();
        for (String required : List.of("users", "enrollments", "classes")) {
            if (!available(required, files, modes)) {
                throw ProblemException.invalid("file", Text.of(required + ".csv is missing (or declared absent in manifest.csv);"
                        + " a OneRoster roster needs users.csv, enrollments.csv and classes.csv", "Нет файла " + required
                        + ".csv (или он отмечен в manifest.csv как absent); в пакете OneRoster нужны users.csv, enrollments.csv"
                        + " и classes.csv"));
            }
        }
        users = table("users.csv", files.get("users.csv"), List.of("sourcedId", "givenName", "familyName"));
        Table classes = table("classes.csv", files.get("classes.csv"), List.of("sourcedId", "title", "classType"));
        Table enrollments = table("enrollments.csv", files.get("enrollments.csv"),
                List.of("classSourcedId", "userSourcedId", "role"));
        Table roles = available("roles", files, modes)
                ? table("roles.csv", files.get("roles.csv"), List.of("userSourcedId", "role")) : null;
        demographicsTable = available("demographics", files, modes)
                ? table("demographics.csv", files.get("demographics.csv"), List.of("sourcedId")) : null;
        Table sessions = available("academicSessions", files, modes)
                ? table("academicSessions.csv", files.get("academicSessions.csv"), List.of("sourcedId")) : null;
        failIfErrors();
        if (roles == null && !users.has("role")) {
            throw ProblemException.invalid("file", Text.of("roles.csv is missing (or declared absent in manifest.csv);"
                    + " OneRoster 1.2 gives the users' roles there", "Нет файла roles.csv (или он отмечен в manifest.csv как"
                    + " absent); в OneRoster 1.2 роли пользователей указываются в нём"));
        }

        readUsers();
        readRoles(roles);
        readClasses(classes);
        readDemographics();
        readSessions(sessions);
        readEnrollments(enrollments);

        List<StudentRow> studentRows = new ArrayList<>();
        Map<String, GuardianRow> guardianRows = new LinkedHashMap<>();
        students(studentRows, guardianRows);
        List<StaffRow> staffRows = staff();
        failIfErrors();
        if (studentRows.isEmpty() && staffRows.isEmpty()) {
            throw ProblemException.invalid("file", Text.of("The OneRoster file holds no student with a current enrolment in a"
                    + " homeroom class (classType homeroom) and no staff", "В файле OneRoster нет ни одного ученика, зачисленного"
                    + " сейчас в класс (classType homeroom), и ни одного сотрудника"));
        }
        return new OneRosterCsv.Result(
                new NativeCsv.Parsed(NativeCsv.Kind.STUDENTS, studentRows.size(), studentRows, guardianRows, List.of(), groupsColumn,
                        users.file),
                new NativeCsv.Parsed(NativeCsv.Kind.STAFF, staffRows.size(), List.of(), Map.of(), staffRows, groupsColumn, users.file));
    }

    private static boolean available(String name, Map<String, byte[]> files, Map<String, String> modes) {
        return files.containsKey(name + ".csv") && !"absent".equals(modes.get(name));
    }

    private Map<String, String> manifest(Table m, Map<String, byte[]> files) {
        Map<String, String> modes = new HashMap<>();
        Map<String, String> fileNames = new HashMap<>();
        OneRosterCsv.ALL_FILES.forEach(f -> fileNames.put(f.toLowerCase(Locale.ROOT), f));
        boolean version = false;
        for (Row r : m.rows) {
            String property = m.get(r, "propertyName");
            String value = m.get(r, "value");
            if (property.equalsIgnoreCase("oneroster.version")) {
                version = true;
                if (!value.equals("1.2") && !value.startsWith("1.2.")) {
                    error(m.file, r.line(), "value", "This is OneRoster " + value + "; only OneRoster 1.2 files are read",
                            "Это OneRoster " + value + "; читаются только файлы OneRoster 1.2");
                }
            } else if (property.regionMatches(true, 0, "file.", 0, 5)) {
                String file = fileNames.get(property.substring(5).toLowerCase(Locale.ROOT));
                String mode = value.toLowerCase(Locale.ROOT);
                if (file == null) {
                    continue;
                }
                if (!List.of("bulk", "delta", "absent").contains(mode)) {
                    error(m.file, r.line(), "value", "'" + value + "' is not bulk, delta or absent",
                            "Допустимы значения bulk, delta или absent, а не «" + value + "»");
                    continue;
                }
                modes.put(file, mode);
                if (!mode.equals("absent") && !files.containsKey(file + ".csv")) {
                    error(m.file, r.line(), "value", file + ".csv is declared " + mode + " but is not in the zip",
                            file + ".csv отмечен как " + mode + ", но его нет в архиве");
                }
            }
        }
        if (!version && !m.header.isEmpty()) {
            error(m.file, 1, "propertyName", "The manifest does not give oneroster.version", "В manifest.csv не указан oneroster.version");
        }
        return modes;
    }

    private void readUsers() {
        Map<String, Integer> firstLine = new HashMap<>();
        for (Row r : users.rows) {
            if (users.deleted(r)) {
                continue;
            }
            String id = users.get(r, "sourcedId");
            if (id.isEmpty()) {
                error(users.file, r.line(), "sourcedId", "'sourcedId' is required", "Заполните столбец «sourcedId»");
                continue;
            }
            Integer before = firstLine.putIfAbsent(id, r.line());
            if (before != null) {
                error(users.file, r.line(), "sourcedId", "User '" + id + "' appears again (first on line " + before + ")",
                        "Пользователь «" + id + "» встречается повторно (впервые — в строке " + before + ")");
                continue;
            }
            List<String> agents = split(users.get(r, "agentSourcedIds"));
            userById.put(id, new User(r, id, agents));
        }
        for (User u : userById.values()) {
            for (String a : u.agents()) {
                if (!userById.containsKey(a)) {
                    error(users.file, u.row().line(), "agentSourcedIds", "'" + a + "' is not a user in users.csv",
                            "Пользователя «" + a + "» нет в users.csv");
                } else {
                    reverseAgents.computeIfAbsent(a, k -> new ArrayList<>()).add(u.id());
                }
            }
        }
    }

    private static List<String> split(String list) {
        if (list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String canonicalRole(String role) {
        for (String r : ROLE_NAMES) {
            if (r.equalsIgnoreCase(role)) {
                return r;
            }
        }
        return null;
    }

    private void addRole(String user, String role, boolean primary) {
        List<String> list = rolesOf.computeIfAbsent(user, k -> new ArrayList<>());
        if (list.contains(role)) {
            return;
        }
        if (primary) {
            list.add(0, role);
        } else {
            list.add(role);
        }
    }

    private void readRoles(Table roles) {
        if (roles == null) {
            // OneRoster 1.1 style: the role is a column of users.csv.
            for (User u : userById.values()) {
                String raw = users.get(u.row(), "role");
                String role = canonicalRole(raw);
                if (role == null) {
                    error(users.file, u.row().line(), "role", "'" + raw + "' is not a OneRoster role", "«" + raw + "» — не роль OneRoster");
                } else {
                    addRole(u.id(), role, true);
                }
            }
            return;
        }
        for (Row r : roles.rows) {
            if (roles.deleted(r)) {
                continue;
            }
            String user = roles.get(r, "userSourcedId");
            String raw = roles.get(r, "role");
            String role = canonicalRole(raw);
            String type = roles.get(r, "roleType").toLowerCase(Locale.ROOT);
            if (user.isEmpty()) {
                error(roles.file, r.line(), "userSourcedId", "'userSourcedId' is required", "Заполните столбец «userSourcedId»");
            } else if (!userById.containsKey(user)) {
                error(roles.file, r.line(), "userSourcedId", "'" + user + "' is not a user in users.csv",
                        "Пользователя «" + user + "» нет в users.csv");
            }
            if (role == null) {
                error(roles.file, r.line(), "role", "'" + raw + "' is not a OneRoster 1.2 role", "«" + raw + "» — не роль OneRoster 1.2");
            }
            if (!type.isEmpty() && !type.equals("primary") && !type.equals("secondary")) {
                error(roles.file, r.line(), "roleType", "'" + type + "' is not primary or secondary",
                        "Допустимы значения primary или secondary, а не «" + type + "»");
            }
            if (role != null && userById.containsKey(user)) {
                addRole(user, role, type.equals("primary"));
            }
        }
    }

    private void readClasses(Table classes) {
        groupsColumn = classes.has(OneRosterCsv.META_GROUP_KIND);
        Map<String, Integer> firstLine = new HashMap<>();
        for (Row r : classes.rows) {
            if (classes.deleted(r)) {
                continue;
            }
            String id = classes.get(r, "sourcedId");
            if (id.isEmpty()) {
                error(classes.file, r.line(), "sourcedId", "'sourcedId' is required", "Заполните столбец «sourcedId»");
                continue;
            }
            Integer before = firstLine.putIfAbsent(id, r.line());
            if (before != null) {
                error(classes.file, r.line(), "sourcedId", "Class '" + id + "' appears again (first on line " + before + ")",
                        "Класс «" + id + "» встречается повторно (впервые — в строке " + before + ")");
                continue;
            }
            boolean homeroom = classes.get(r, "classType").equalsIgnoreCase("homeroom");
            boolean group = !homeroom && !classes.get(r, OneRosterCsv.META_GROUP_KIND).isEmpty();
            if (group && classes.get(r, "title").isEmpty() && classes.get(r, "classCode").isEmpty()) {
                error(classes.file, r.line(), "title", "Group '" + id + "' has neither a title nor a classCode (its name)",
                        "У группы «" + id + "» нет ни title, ни classCode (её названия)");
            }
            classById.put(id, new Cls(r, id, classes.get(r, "title"), classes.get(r, "classCode"), homeroom,
                    classes.get(r, "schoolSourcedId"), group));
        }
    }

    /** «5А» for a class whose title or classCode is a valid class name; {@code null} (reported once) otherwise. */
    private String className(Cls c) {
        if (classNames.containsKey(c.id())) {
            return classNames.get(c.id());
        }
        String name = normaliseClass(c.title());
        if (name == null) {
            name = normaliseClass(c.code());
        }
        if (name == null) {
            boolean latin = LATIN_CLASS.matcher(c.title().toUpperCase(Locale.ROOT)).matches();
            String hint = latin ? "; the letter must be Cyrillic" : "";
            error("classes.csv", c.row().line(), "title", "'" + c.title()
                    + "' is not a class such as 5А (grade 1–11 and a Cyrillic letter)" + hint, "«" + c.title()
                    + "» — не класс вида 5А (номер от 1 до 11 и русская буква)" + (latin ? "; буква должна быть русской" : ""));
        }
        classNames.put(c.id(), name);
        return name;
    }

    private static String normaliseClass(String s) {
        Matcher m = CLASS.matcher(s.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        int grade = Integer.parseInt(m.group(1));
        return grade < 1 || grade > 11 ? null : grade + m.group(2);
    }

    private LocalDate date(Table t, Row r, String column) {
        String v = t.get(r, column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            error(t.file, r.line(), column, "'" + v + "' is not a date; write it as YYYY-MM-DD",
                    "«" + v + "» — не дата; пишите дату как ГГГГ-ММ-ДД");
            return null;
        }
    }

    private void readDemographics() {
        Table t = demographicsTable;
        if (t == null) {
            return;
        }
        for (Row r : t.rows) {
            if (t.deleted(r)) {
                continue;
            }
            String id = t.get(r, "sourcedId");
            if (!userById.containsKey(id)) {
                error(t.file, r.line(), "sourcedId", "'" + id + "' is not a user in users.csv",
                        "Пользователя «" + id + "» нет в users.csv");
                continue;
            }
            int before = errors.size();
            LocalDate birth = date(t, r, "birthDate");
            boolean invalid = errors.size() > before;
            String sex = t.get(r, "sex").toLowerCase(Locale.ROOT);
            if (!List.of("", "male", "female", "other", "unspecified").contains(sex)) {
                error(t.file, r.line(), "sex", "'" + t.get(r, "sex") + "' is not male, female, other or unspecified",
                        "Допустимы значения male, female, other или unspecified, а не «" + t.get(r, "sex") + "»");
            }
            Demo old = demoById.putIfAbsent(id, new Demo(r, birth, invalid, sex));
            if (old != null) {
                error(t.file, r.line(), "sourcedId", "User '" + id + "' appears again (first on line " + old.row().line() + ")",
                        "Пользователь «" + id + "» встречается повторно (впервые — в строке " + old.row().line() + ")");
            }
        }
    }

    private void readSessions(Table t) {
        if (t == null) {
            return;
        }
        LocalDate schoolYearEnd = null;
        LocalDate anyEnd = null;
        for (Row r : t.rows) {
            if (t.deleted(r)) {
                continue;
            }
            LocalDate end = date(t, r, "endDate");
            if (end == null) {
                continue;
            }
            anyEnd = anyEnd == null || end.isAfter(anyEnd) ? end : anyEnd;
            if (t.get(r, "type").equalsIgnoreCase("schoolYear")) {
                schoolYearEnd = schoolYearEnd == null || end.isAfter(schoolYearEnd) ? end : schoolYearEnd;
            }
        }
        yearEnd = schoolYearEnd != null ? schoolYearEnd : anyEnd;
    }

    private void readEnrollments(Table t) {
        LocalDate latestEnd = null;
        for (Row r : t.rows) {
            if (t.deleted(r)) {
                continue;
            }
            String user = t.get(r, "userSourcedId");
            String cls = t.get(r, "classSourcedId");
            String rawRole = t.get(r, "role");
            String role = ENROLLMENT_ROLES.stream().filter(x -> x.equalsIgnoreCase(rawRole)).findFirst().orElse(null);
            String primary = t.get(r, "primary").toLowerCase(Locale.ROOT);
            boolean ok = true;
            if (!userById.containsKey(user)) {
                error(t.file, r.line(), "userSourcedId", "'" + user + "' is not a user in users.csv",
                        "Пользователя «" + user + "» нет в users.csv");
                ok = false;
            }
            if (!classById.containsKey(cls)) {
                error(t.file, r.line(), "classSourcedId", "'" + cls + "' is not a class in classes.csv",
                        "Класса «" + cls + "» нет в classes.csv");
                ok = false;
            }
            if (role == null) {
                error(t.file, r.line(), "role", "'" + rawRole + "' is not student, teacher, administrator or proctor",
                        "Допустимы значения student, teacher, administrator или proctor, а не «" + rawRole + "»");
                ok = false;
            }
            if (!List.of("", "true", "false").contains(primary)) {
                error(t.file, r.line(), "primary", "'" + primary + "' is not true or false",
                        "Допустимы значения true или false, а не «" + primary + "»");
            }
            LocalDate begin = date(t, r, "beginDate");
            LocalDate end = date(t, r, "endDate");
            if (begin != null && end != null && end.isBefore(begin)) {
                error(t.file, r.line(), "endDate", "The enrolment ends before it begins",
                        "Зачисление заканчивается раньше, чем начинается");
            }
            if (end != null && (latestEnd == null || end.isAfter(latestEnd))) {
                latestEnd = end;
            }
            if (ok) {
                enrolmentsOf.computeIfAbsent(user, k -> new ArrayList<>())
                        .add(new Enr(r, user, cls, role, primary.equals("true"), begin, end));
            }
        }
        if (yearEnd == null) {
            yearEnd = latestEnd;
        }
    }

    private boolean current(Enr e) {
        return e.end() == null || (yearEnd != null && !e.end().isBefore(yearEnd));
    }

    /** The names of the Zhurnal groups (see {@link Cls}) in which the user has a current enrolment in the role, each once. */
    private List<String> groupsOf(String user, String role) {
        List<String> names = new ArrayList<>();
        for (Enr e : enrolmentsOf.getOrDefault(user, List.of())) {
            Cls c = classById.get(e.cls());
            if (e.role().equals(role) && current(e) && c.group()) {
                String name = c.title().isEmpty() ? c.code() : c.title();
                if (!name.isEmpty() && names.stream().noneMatch(n -> NativeCsv.groupKey(n).equals(NativeCsv.groupKey(name)))) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Current enrolments of the user in the given role in homeroom classes. */
    private List<Enr> homeroom(String user, String role) {
        return enrolmentsOf.getOrDefault(user, List.of()).stream()
                .filter(e -> e.role().equals(role) && current(e) && classById.get(e.cls()).homeroom()).toList();
    }

    // ------------------------------------------------------------------------------------------------------
    // Validation of people
    // ------------------------------------------------------------------------------------------------------

    private String name(User u, String column, boolean required) {
        String v = users.get(u.row(), column);
        if (v.isEmpty()) {
            if (required) {
                error(users.file, u.row().line(), column, "'" + column + "' is required", "Заполните столбец «" + column + "»");
            }
            return null;
        }
        if (v.length() > 100 || !NAME.matcher(v).matches()) {
            error(users.file, u.row().line(), column, "'" + v + "' is not a valid name",
                    "«" + v + "» — недопустимое значение в столбце «" + column + "»");
            return null;
        }
        return v;
    }

    private String code(User u, Map<String, Integer> seen, String kind) {
        String code = users.get(u.row(), "identifier");
        String column = "identifier";
        if (code.isEmpty()) {
            code = u.id();
            column = "sourcedId";
        }
        if (code.length() > 100) {
            error(users.file, u.row().line(), column, "'" + column + "' is longer than 100 characters",
                    "Столбец «" + column + "» — не длиннее 100 символов");
        }
        Integer first = seen.putIfAbsent(code, u.row().line());
        if (first != null) {
            error(users.file, u.row().line(), column, "The " + kind + " code '" + code + "' appears again (first on line "
                    + first + ")", "Код " + (kind.equals("student") ? "ученика"
                    : kind.equals("guardian") ? "представителя" : "сотрудника") + " «" + code
                    + "» встречается повторно (впервые — в строке " + first + ")");
        }
        return code;
    }

    private String phone(User u) {
        String column = users.get(u.row(), "phone").isEmpty() ? "sms" : "phone";
        String v = users.get(u.row(), column);
        if (!v.isEmpty() && !PHONE.matcher(v).matches()) {
            error(users.file, u.row().line(), column, "'" + v + "' is not a phone number", "«" + v + "» — не номер телефона");
        }
        return v.isEmpty() ? null : v;
    }

    private String email(User u) {
        String v = users.get(u.row(), "email");
        if (!v.isEmpty() && !EMAIL.matcher(v).matches()) {
            error(users.file, u.row().line(), "email", "'" + v + "' is not an e-mail address",
                    "«" + v + "» — не адрес электронной почты");
        }
        return v.isEmpty() ? null : v.toLowerCase(Locale.ROOT);
    }

    private boolean noAccess(User u) {
        String v = users.get(u.row(), OneRosterCsv.META_NO_ACCESS).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "1", "yes", "да" -> true;
            case "", "false", "0", "no", "нет" -> false;
            default -> {
                error(users.file, u.row().line(), OneRosterCsv.META_NO_ACCESS, "'" + v + "' is not true or false",
                        "Допустимы значения true или false, а не «" + v + "»");
                yield false;
            }
        };
    }

    private String text(User u, String column, int max) {
        String v = users.get(u.row(), column);
        if (v.length() > max) {
            error(users.file, u.row().line(), column, "'" + column + "' is longer than " + max + " characters",
                    "Столбец «" + column + "» — не длиннее " + max + " символов");
        }
        return v.isEmpty() ? null : v;
    }

    private void students(List<StudentRow> out, Map<String, GuardianRow> guardianRows) {
        Map<String, Integer> codes = new HashMap<>();
        Map<String, Integer> guardianCodes = new HashMap<>();
        Map<String, String> guardianCodeOf = new HashMap<>();
        Set<String> relationReported = new HashSet<>();
        Map<String, Cls> schools = new LinkedHashMap<>();
        for (User u : userById.values()) {
            if (!rolesOf.getOrDefault(u.id(), List.of()).contains("student")) {
                continue;
            }
            List<Enr> current = homeroom(u.id(), "student");
            if (current.isEmpty()) {
                continue;
            }
            if (demographicsTable == null) {
                throw ProblemException.invalid("file", Text.of("demographics.csv is missing (or declared absent in manifest.csv);"
                        + " students need birthDate and sex", "Нет файла demographics.csv (или он отмечен в manifest.csv как"
                        + " absent); для учеников нужны дата рождения (birthDate) и пол (sex)"));
            }
            if (current.size() > 1) {
                error("enrollments.csv", current.get(1).row().line(), "classSourcedId", "Student '" + u.id()
                        + "' is also enrolled in another homeroom class (line " + current.get(0).row().line() + ")",
                        "Ученик «" + u.id() + "» зачислен ещё и в другой класс (строка " + current.get(0).row().line() + ")");
            }
            Enr enr = current.get(0);
            Cls cls = classById.get(enr.cls());
            String className = className(cls);
            schools.putIfAbsent(cls.school(), cls);
            int line = u.row().line();
            String code = code(u, codes, "student");
            String last = name(u, "familyName", true);
            String first = name(u, "givenName", true);
            String middle = name(u, "middleName", false);
            LocalDate birth = null;
            String sex = null;
            Demo d = demoById.get(u.id());
            if (d == null) {
                error(users.file, line, "sourcedId", "Student '" + u.id() + "' has no row in demographics.csv"
                        + " (birthDate and sex are required)", "У ученика «" + u.id() + "» нет строки в demographics.csv"
                        + " (дата рождения и пол обязательны)");
            } else {
                birth = d.birth();
                if (birth == null && !d.birthInvalid()) {
                    error("demographics.csv", d.row().line(), "birthDate", "'birthDate' is required for a student",
                            "Для ученика заполните столбец «birthDate»");
                } else if (birth != null && (birth.getYear() < 1990 || birth.isAfter(LocalDate.now()))) {
                    error("demographics.csv", d.row().line(), "birthDate", "'" + birth
                            + "' is not a plausible birth date of a student", "«" + Messages.date(birth)
                            + "» — неправдоподобная дата рождения ученика");
                    birth = null;
                }
                sex = switch (d.sex()) {
                    case "male" -> "M";
                    case "female" -> "F";
                    case "" -> {
                        error("demographics.csv", d.row().line(), "sex", "'sex' is required for a student",
                                "Для ученика заполните столбец «sex»");
                        yield null;
                    }
                    default -> {
                        error("demographics.csv", d.row().line(), "sex", "'" + d.sex()
                                + "' cannot be recorded: the class register needs male or female", "Значение «" + d.sex()
                                + "» не подходит: для классного журнала нужен пол male или female");
                        yield null;
                    }
                };
            }
            LocalDate admission;
            if (users.has(OneRosterCsv.META_ADMISSION)) {
                int before = errors.size();
                admission = date(users, u.row(), OneRosterCsv.META_ADMISSION);
                if (errors.size() > before) {
                    admission = null;
                }
            } else {
                admission = enr.begin();
            }
            List<String[]> links = new ArrayList<>();
            Set<String> agents = new LinkedHashSet<>(u.agents());
            agents.addAll(reverseAgents.getOrDefault(u.id(), List.of()));
            for (String gid : agents) {
                User g = userById.get(gid);
                List<String> gRoles = rolesOf.getOrDefault(gid, List.of());
                if (gRoles.stream().noneMatch(GUARDIAN_ROLES::contains)) {
                    if (u.agents().contains(gid) && !gRoles.contains("student")) {
                        error(users.file, line, "agentSourcedIds", "'" + gid
                                + "' is listed as an agent but has no parent, guardian or relative role", "«" + gid
                                + "» указан как представитель (agent), но у него нет роли parent, guardian или relative");
                    }
                    continue;
                }
                String gCode = guardianCodeOf.get(gid);
                if (gCode == null) {
                    gCode = code(g, guardianCodes, "guardian");
                    guardianCodeOf.put(gid, gCode);
                    GuardianRow row = guardian(g, gCode);
                    if (row != null) {
                        guardianRows.put(gCode, row);
                    }
                }
                links.add(new String[] {gCode, relation(g, u.id(), relationReported)});
            }
            links.sort(Comparator.comparingInt(l -> NativeCsvExport.relationRank(l[1])));
            if (className != null && last != null && first != null && birth != null && sex != null) {
                out.add(new StudentRow(code, last, first, middle, birth, sex, Integer.parseInt(className.substring(0,
                        className.length() - 1)), className.substring(className.length() - 1), admission, links,
                        groupsOf(u.id(), "student"),
                        line));
            }
        }
        if (schools.size() > 1) {
            Cls other = schools.values().stream().skip(1).findFirst().orElseThrow();
            error("classes.csv", other.row().line(), "schoolSourcedId", "The file holds classes of several schools ("
                    + String.join(", ", schools.keySet()) + "); export one school per file", "В файле классы нескольких школ ("
                    + String.join(", ", schools.keySet()) + "); выгружайте по одной школе в файл");
        }
    }

    private GuardianRow guardian(User g, String code) {
        String last = name(g, "familyName", true);
        String first = name(g, "givenName", true);
        String middle = name(g, "middleName", false);
        String phone = phone(g);
        String email = email(g);
        boolean no = noAccess(g);
        return last == null || first == null ? null
                : new GuardianRow(code, last, first, middle, phone, email, no, g.row().line());
    }

    private String relation(User g, String studentId, Set<String> reported) {
        String column = OneRosterCsv.META_RELATION;
        String v = users.get(g.row(), column);
        if (!v.isEmpty()) {
            String rel = null;
            if (v.contains(":")) {
                for (String item : split(v)) {
                    int colon = item.lastIndexOf(':');
                    if (colon > 0 && item.substring(0, colon).strip().equals(studentId)) {
                        rel = item.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
                    }
                }
            } else {
                rel = v.toUpperCase(Locale.ROOT);
            }
            if (rel != null && RELATIONS.contains(rel)) {
                return rel;
            }
            if (rel != null && reported.add(g.id())) {
                error(users.file, g.row().line(), column, "'" + v + "' is not MOTHER, FATHER, GUARDIAN or OTHER",
                        "Допустимы значения MOTHER, FATHER, GUARDIAN или OTHER, а не «" + v + "»");
            }
        }
        String role = rolesOf.getOrDefault(g.id(), List.of()).stream().filter(GUARDIAN_ROLES::contains).findFirst()
                .orElse("guardian");
        return switch (role) {
            case "parent" -> {
                Demo d = demoById.get(g.id());
                String sex = d == null ? "" : d.sex();
                yield sex.equals("female") ? "MOTHER" : sex.equals("male") ? "FATHER" : "OTHER";
            }
            case "guardian" -> "GUARDIAN";
            default -> "OTHER";
        };
    }

    private List<StaffRow> staff() {
        List<StaffRow> out = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        Map<String, Enr> primaryOf = new HashMap<>();
        for (User u : userById.values()) {
            List<String> roles = new ArrayList<>(rolesOf.getOrDefault(u.id(), List.of()).stream()
                    .filter(POSITION_OF_ROLE::containsKey).toList());
            if (roles.isEmpty()) {
                enrolmentsOf.getOrDefault(u.id(), List.of()).stream().filter(this::current)
                        .map(Enr::role).filter(r -> r.equals("teacher") || r.equals("administrator")).distinct()
                        .forEach(roles::add);
            }
            if (roles.isEmpty()) {
                continue;
            }
            int line = u.row().line();
            String code = code(u, codes, "staff");
            String last = name(u, "familyName", true);
            String first = name(u, "givenName", true);
            String middle = name(u, "middleName", false);
            String positions = text(u, OneRosterCsv.META_POSITIONS, 300);
            if (positions == null) {
                positions = String.join(", ", roles.stream().map(POSITION_OF_ROLE::get).distinct().toList());
            }
            String subjects = text(u, OneRosterCsv.META_SUBJECTS, 500);
            String phone = phone(u);
            String email = email(u);
            String leads = null;
            Enr leadEnr = null;
            for (Enr e : homeroom(u.id(), "teacher")) {
                if (!e.primary()) {
                    continue;
                }
                String cls = className(classById.get(e.cls()));
                Enr other = primaryOf.putIfAbsent(e.cls(), e);
                if (other != null) {
                    error("enrollments.csv", e.row().line(), "primary", "Class '" + e.cls()
                            + "' already has a primary teacher (line " + other.row().line() + ")", "У класса «" + e.cls()
                            + "» уже есть классный руководитель (строка " + other.row().line() + ")");
                } else if (leadEnr != null) {
                    error("enrollments.csv", e.row().line(), "primary", "Teacher '" + u.id()
                            + "' is already the primary teacher of another homeroom class (line " + leadEnr.row().line()
                            + "); Zhurnal records one led class per staff row", "Учитель «" + u.id()
                            + "» уже классный руководитель другого класса (строка " + leadEnr.row().line()
                            + "); в Журнале у сотрудника может быть только одно классное руководство");
                } else {
                    leadEnr = e;
                    leads = cls;
                }
            }
            if (last != null && first != null) {
                out.add(new StaffRow(code, last, first, middle, positions, subjects, phone, email, leads,
                        groupsOf(u.id(), "teacher"), line));
            }
        }
        return out;
    }
}
