package org.zhurnal.roster.internal.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.roster.internal.entity.ClassEntity;
import org.zhurnal.roster.internal.entity.GroupEntity;
import org.zhurnal.sheets.api.Sheets;
import org.zhurnal.sheets.api.Table;

/**
 * Problems of a whole import file, and of rows the parser cannot see alone: values beyond the header's columns, a class
 * led by two staff members, a damaged workbook, and the problems found against the school's roster when a parsed file is
 * applied, which name the file, row and column like the parser's.
 */
class NativeCsvFileErrorsTest {
    static final String STUDENTS = "Код;Фамилия;Имя;Отчество;Дата рождения;Пол;Класс;Дата зачисления;Группы\n";
    static final String STAFF = "Код;Фамилия;Имя;Отчество;Должность;Предметы;Телефон;E-mail;Классный руководитель\n";

    private static NativeCsv.Parsed parse(String file, String text) {
        return NativeCsv.parse(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(ProblemException e) {
        return e.violations().stream().map(Violation::field).toList();
    }

    private static String ru(Violation v) {
        return v.message(Text.RUSSIAN);
    }

    @Test
    void valuesBeyondTheHeaderAreRefusedNotDropped() {
        // The «Группы» cell written unquoted, as «Кружок; Шахматный клуб»: the second group would be lost.
        ProblemException e = assertThrows(ProblemException.class, () -> parse("pupils.csv", STUDENTS
                + "P1;Лебедева;Алиса;;12.04.2015;Ж;5А;;Кружок робототехники; Шахматный клуб\n"
                + "P2;Гусева;Вера;;15.07.2015;Ж;5А;;5А англ. 1;ЛИШНЕЕ;ЕЩЁ\n"
                + "P3;Орехов;Фёдор;;30.11.2014;М;5А;;\"Кружок робототехники; Шахматный клуб\"\n"));
        assertEquals(400, e.status());
        assertEquals(List.of("pupils.csv:2:Группы", "pupils.csv:3:Группы"), fields(e));
        assertEquals("В строке больше значений, чем столбцов в заголовке (9): «Шахматный клуб» не попадает ни в один столбец;"
                + " значение с «;» заключите в кавычки, например \"Кружок; Хор\"", ru(e.violations().get(0)));
        assertTrue(e.violations().get(1).message().startsWith("The row has more values than the header has columns (9): "
                + "«ЛИШНЕЕ», «ЕЩЁ» belong to no column"), e.violations().get(1).message());
        assertTrue(e.detail(Text.RUSSIAN).startsWith("Ошибок в файле «pupils.csv»: 2; ничего не импортировано. В строке больше"),
                e.detail(Text.RUSSIAN));
        // In a file separated by commas the advice names the comma.
        ProblemException comma = assertThrows(ProblemException.class, () -> parse("pupils.csv", STUDENTS.replace(';', ',')
                + "P1,Лебедева,Алиса,,12.04.2015,Ж,5А,,5А англ. 1, Хор\n"));
        assertTrue(ru(comma.violations().get(0)).endsWith("значение с «,» заключите в кавычки, например \"Кружок, Хор\""),
                ru(comma.violations().get(0)));
    }

    @Test
    void emptyCellsBeyondTheHeaderAreAllowed() {
        // Spreadsheet programs add «;;» to the rows, and sometimes to the header.
        NativeCsv.Parsed p = parse("pupils.csv", STUDENTS.replace("\n", ";;\n")
                + "P1;Лебедева;Алиса;;12.04.2015;Ж;5А;;\"Кружок робототехники; Шахматный клуб\";;\n"
                + "P2;Гусева;Вера;;15.07.2015;Ж;5А;;;; ;\n"
                + "P3;Орехов;Фёдор;;30.11.2014;М;5А\n");
        assertEquals(3, p.rows());
        assertEquals(List.of("Кружок робототехники", "Шахматный клуб"), p.students().get(0).groups());
        NativeCsv.Parsed staff = parse("staff.csv", STAFF + "T1;Белова;Ирина;;учитель;;;;5А;;;\n");
        assertEquals("5А", staff.staff().get(0).classTeacherOf());
    }

    @Test
    void aStaffRowAndAWorkbookRowWithValuesBeyondTheHeaderAreRefusedToo() {
        ProblemException staff = assertThrows(ProblemException.class, () -> parse("staff1.csv", STAFF
                + "T1;Белова;Ирина;;учитель;Математика; Информатика;;;5А\n"));
        // «Информатика» moved to «Телефон», «5А» beyond the last column.
        assertEquals(List.of("staff1.csv:2:Классный руководитель", "staff1.csv:2:Телефон"), fields(staff));
        assertTrue(ru(staff.violations().get(0)).contains("«5А» не попадает ни в один столбец"), ru(staff.violations().get(0)));
        // A workbook: a value in a column without a header.
        byte[] xlsx = Sheets.xlsx(new Table("Ученики", List.of("Код", "Фамилия", "Имя", "Дата рождения", "Пол", "Класс", ""),
                List.of(List.of("P1", "Лебедева", "Алиса", "12.04.2015", "Ж", "5А", "Хор"))));
        ProblemException sheet = assertThrows(ProblemException.class, () -> NativeCsv.parse("pupils.xlsx", xlsx));
        assertEquals(List.of("pupils.xlsx:2:Класс"), fields(sheet));
        assertTrue(ru(sheet.violations().get(0)).contains("«Хор» — правее последнего столбца «Класс»"), ru(sheet.violations().get(0)));
    }

    @Test
    void aClassLedByTwoStaffMembersIsRefusedNamingBothRows() {
        ProblemException e = assertThrows(ProblemException.class, () -> parse("staff1.csv", STAFF
                + "T1;Белова;Ирина;Сергеевна;учитель;Математика;;;5А\n"
                + "T2;Козлов;Олег;Иванович;учитель;Физика;;;5 а\n"
                + "T3;Смирнова;Анна;Павловна;учитель;Английский язык;;;6Б\n"));
        assertEquals(List.of("staff1.csv:3:Классный руководитель"), fields(e));
        assertEquals("Класс 5А указан классным руководством у двух сотрудников: строки 2 и 3", ru(e.violations().get(0)));
        assertEquals("Class 5А is given as led by two staff members: rows 2 and 3; a class has one class teacher",
                e.violations().get(0).message());
        assertEquals("Ошибок в файле «staff1.csv»: 1; ничего не импортировано. Класс 5А указан классным руководством у двух"
                + " сотрудников: строки 2 и 3", e.detail(Text.RUSSIAN));
    }

    @Test
    void aDamagedWorkbookIsOneProblemNamingTheFile() {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        junk[0] = 'x'; // not «PK» by chance
        ProblemException e = assertThrows(ProblemException.class, () -> NativeCsv.parse("junk.xlsx", junk));
        assertEquals(400, e.status());
        assertEquals("file", e.field());
        assertEquals(List.of(), e.violations());
        assertEquals("Файл «junk.xlsx» не является книгой Excel (.xlsx) или повреждён", e.detail(Text.RUSSIAN));
        assertEquals("The file «junk.xlsx» is not an Excel workbook (.xlsx) or is damaged", e.detail(java.util.Locale.ENGLISH));
        // A workbook cut short (a ZIP that does not read) says the same.
        byte[] cut = Arrays.copyOf(NativeCsvExport.studentsXlsx(RosterExportFixture.school()), 500);
        ProblemException cutShort = assertThrows(ProblemException.class, () -> NativeCsv.parse("students.xlsx", cut));
        assertEquals("Файл «students.xlsx» не является книгой Excel (.xlsx) или повреждён", cutShort.detail(Text.RUSSIAN));
        // An old binary workbook is named as such, whatever its name.
        byte[] xls = Arrays.copyOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1}, 1024);
        ProblemException old = assertThrows(ProblemException.class, () -> NativeCsv.parse("pupils.xls", xls));
        assertEquals("Файл «pupils.xls» — книга Excel старого формата (.xls); сохраните её как .xlsx", old.detail(Text.RUSSIAN));
    }

    // ------------------------------------------------------------------------------------------------------
    // Problems found when a parsed file is applied to the school's roster
    // ------------------------------------------------------------------------------------------------------

    /**
     * An entity manager over a school whose roster holds {@code classes} and {@code groups} (and nothing else); anything
     * but reading fails, so a refused file is shown to write nothing.
     */
    private static EntityManager school(List<ClassEntity> classes, List<GroupEntity> groups) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createQuery") && args.length == 2) {
                        Class<?> type = (Class<?>) args[1];
                        List<?> rows = type == ClassEntity.class ? classes : type == GroupEntity.class ? groups : List.of();
                        return Proxy.newProxyInstance(TypedQuery.class.getClassLoader(), new Class<?>[] {TypedQuery.class},
                                (query, m, a) -> switch (m.getName()) {
                                    case "setParameter" -> query;
                                    case "getResultList" -> rows;
                                    default -> throw new UnsupportedOperationException(m.getName());
                                });
                    }
                    throw new UnsupportedOperationException("the import must not " + method.getName() + " before it is valid");
                });
    }

    private static ClassEntity schoolClass(String id, int grade, String letter) {
        ClassEntity c = new ClassEntity();
        c.setId(id);
        c.setSchoolId("s1");
        c.setAcademicYear(2026);
        c.setGrade(grade);
        c.setLetter(letter);
        return c;
    }

    private static GroupEntity group(String id, String name) {
        GroupEntity g = new GroupEntity();
        g.setId(id);
        g.setSchoolId("s1");
        g.setAcademicYear(2026);
        g.setKind("CLUB");
        g.setName(name);
        return g;
    }

    private static ProblemException refused(List<ClassEntity> classes, List<GroupEntity> groups, NativeCsv.Parsed parsed) {
        RosterImporter importer = new RosterImporter(school(classes, groups), null, "s1", 2026, LocalDate.of(2026, 10, 1), 0L);
        return assertThrows(ProblemException.class, () -> importer.apply(parsed, true));
    }

    @Test
    void aStaffFilesProblemsAgainstTheRosterNameTheFileRowAndColumnLikeTheStudentsFile() {
        NativeCsv.Parsed staff = parse("staff1.csv", STAFF + "T1;Белова;Ирина;Сергеевна;учитель;Математика;;;5А\n"
                + "T2;Козлов;Олег;Иванович;учитель;Физика;;;7В\n");
        ProblemException e = refused(List.of(schoolClass("c5a", 5, "А")), List.of(), staff);
        assertEquals(400, e.status());
        assertEquals(List.of("staff1.csv:3:Классный руководитель"), fields(e));
        assertEquals("Класса 7В нет в 2026/2027 учебном году; сначала импортируйте учеников", ru(e.violations().get(0)));
        assertEquals("Ошибок в файле «staff1.csv»: 1; ничего не импортировано. Класса 7В нет в 2026/2027 учебном году;"
                + " сначала импортируйте учеников", e.detail(Text.RUSSIAN));
        assertEquals("1 errors in staff1.csv; nothing was imported", e.getMessage());

        // The groups a staff file names: a group two rows give, and a subgroup of a class the school does not have.
        NativeCsv.Parsed taught = parse("staff2.csv", STAFF.replace("\n", ";Группы\n")
                + "T1;Белова;Ирина;;учитель;;;;;Хор\n"
                + "T2;Козлов;Олег;;учитель;;;;;\"Хор; 9Я англ. 2\"\n");
        ProblemException groups = refused(List.of(schoolClass("c5a", 5, "А")), List.of(), taught);
        assertEquals(List.of("staff2.csv:3:Группы", "staff2.csv:3:Группы"), fields(groups));
        assertTrue(groups.detail(Text.RUSSIAN).startsWith("Ошибок в файле «staff2.csv»: 2; ничего не импортировано. "),
                groups.detail(Text.RUSSIAN));
    }

    @Test
    void aStudentsFilesProblemsAgainstTheSchoolsGroupsNameTheFileToo() {
        NativeCsv.Parsed students = parse("pupils.csv", STUDENTS + "P1;Лебедева;Алиса;;12.04.2015;Ж;5А;;Хор\n");
        ProblemException e = refused(List.of(schoolClass("c5a", 5, "А")), List.of(group("g1", "Хор"), group("g2", "хор")), students);
        assertEquals(List.of("pupils.csv:2:Группы"), fields(e));
        assertEquals("Ошибок в файле «pupils.csv»: 1; ничего не импортировано. В 2026/2027 учебном году в школе несколько групп"
                + " с названием «Хор» (2); сначала переименуйте одну из них", e.detail(Text.RUSSIAN));
    }
}
