package org.zhurnal.roster.internal.demo;

import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Generates a believable but entirely fictional Russian school in the roster CSV import format: one file of
 * students with their guardians and one file of staff.
 *
 * <p>The generator is pure and deterministic. The same arguments always give the same text, because it uses only
 * {@link java.util.Random} (whose algorithm the Java specification fixes), ordered collections and a Russian
 * {@link Collator} for sorting. It reads no clock, no files and no global state.
 *
 * <p>Names are drawn at random from lists of common Russian surnames, first names and patronymics. No combination
 * is chosen on purpose, and a short block list keeps out a few well-known real people (for example
 * "Соловьёв Владимир"). Phone numbers are random, and e-mail addresses use only the reserved example domains
 * ({@code example.org}, {@code example.net}, {@code example.com}).
 *
 * <p>Format (the roster importer parses exactly this): UTF-8 without a BOM, {@code ';'} as the separator, the
 * header as the first line, and every line (the last one too) ending in {@code '\n'}. A field is quoted with
 * {@code '"'} only when it contains {@code ';'}, {@code '"'} or a line break, and quotes inside are doubled.
 * Dates are {@code dd.MM.yyyy}.
 */
public final class DemoRosterGenerator {

    /** Header of the students file (exact, ';'-separated). */
    public static final String[] STUDENT_HEADER = {"Код", "Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "Класс",
        "Дата зачисления", "Код представителя 1", "Представитель 1", "Кем приходится 1", "Телефон 1", "E-mail 1",
        "Без электронного доступа 1", "Код представителя 2", "Представитель 2", "Кем приходится 2", "Телефон 2",
        "E-mail 2", "Без электронного доступа 2"};

    /** Header of the staff file (exact). */
    public static final String[] STAFF_HEADER = {"Код", "Фамилия", "Имя", "Отчество", "Должность", "Предметы", "Телефон",
        "E-mail", "Классный руководитель"};

    /** Class letters in order. Ё, З, Й, Щ, Ъ, Ы and Ь are skipped, as Russian schools usually do. */
    static final String CLASS_LETTERS = "АБВГДЕЖИКЛМНОПРСТУФХЦЧШЭЮЯ";

    static final String PRIMARY_SUBJECTS = "Русский язык, Литературное чтение, Математика, Окружающий мир";

    static final String TEACHER = "учитель";
    static final String TEACHER_AND_EXTRACURRICULAR = "учитель; педагог дополнительного образования";

    static final String MOTHER = "мать";
    static final String FATHER = "отец";
    static final String TRUSTEE = "опекун";

    private static final String YES = "да";
    private static final String NO = "нет";

    private static final int GRADES = 11;
    private static final int PRIMARY_GRADES = 4;

    // Shares of families, guardians and students. They are probabilities, so a generated school only comes close.
    private static final double SIBLING_FAMILY_SHARE = 0.12;
    private static final double TRUSTEE_FAMILY_SHARE = 0.02;
    private static final double SINGLE_PARENT_FAMILY_SHARE = 0.065;
    private static final double SINGLE_PARENT_IS_MOTHER = 0.85;
    private static final double MOTHER_LISTED_FIRST = 0.9;
    private static final double MOTHER_SHARES_SURNAME = 0.85;
    private static final double TRUSTEE_IS_FEMALE = 0.8;
    private static final double TRUSTEE_SHARES_SURNAME = 0.6;
    private static final double NO_ELECTRONIC_ACCESS = 0.04;
    private static final double EMAIL_IF_ACCESS = 0.88;
    private static final double EMAIL_IF_NO_ACCESS = 0.15;
    private static final double GIRL = 0.49;
    private static final double TRANSFER = 0.07;
    private static final double EXTRACURRICULAR_SHARE = 0.06;

    private static final String[] EMAIL_DOMAINS = {"example.org", "example.net", "example.com"};
    private static final String STAFF_EMAIL_DOMAIN = "example.org";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT);

    private static final List<String> STUDENT_COLUMNS = List.of(STUDENT_HEADER.clone());
    private static final List<String> STAFF_COLUMNS = List.of(STAFF_HEADER.clone());

    // ---------------------------------------------------------------------------------------------------------
    // Name tables
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Male first names with the patronymics formed from them (a table, not a rule: Илья → Ильич/Ильинична,
     * Лев → Львович/Львовна, Михаил → Михайлович/Михайловна, Никита → Никитич/Никитична and so on), followed by
     * relative weights among children (born 2008–2020), parents (born 1975–1995) and grandparents (born 1945–1970).
     * A weight of 0 means the name is not used for that generation.
     */
    private static final String[] MALE_NAME_TABLE = {
        "Александр|Александрович|Александровна|8|8|8",
        "Алексей|Алексеевич|Алексеевна|4|8|4",
        "Анатолий|Анатольевич|Анатольевна|0|1|6",
        "Андрей|Андреевич|Андреевна|3|8|4",
        "Антон|Антонович|Антоновна|2|4|1",
        "Аркадий|Аркадьевич|Аркадьевна|0|0|2",
        "Арсений|Арсеньевич|Арсеньевна|4|0|0",
        "Артём|Артёмович|Артёмовна|8|3|0",
        "Борис|Борисович|Борисовна|1|1|3",
        "Вадим|Вадимович|Вадимовна|0|3|2",
        "Валерий|Валерьевич|Валерьевна|0|1|5",
        "Василий|Васильевич|Васильевна|1|1|4",
        "Виктор|Викторович|Викторовна|1|3|6",
        "Виталий|Витальевич|Витальевна|0|3|2",
        "Владимир|Владимирович|Владимировна|2|4|8",
        "Владислав|Владиславович|Владиславовна|1|3|1",
        "Вячеслав|Вячеславович|Вячеславовна|0|3|3",
        "Геннадий|Геннадьевич|Геннадьевна|0|1|5",
        "Георгий|Георгиевич|Георгиевна|2|1|2",
        "Глеб|Глебович|Глебовна|3|1|0",
        "Григорий|Григорьевич|Григорьевна|1|1|2",
        "Даниил|Даниилович|Данииловна|5|1|0",
        "Денис|Денисович|Денисовна|1|5|0",
        "Дмитрий|Дмитриевич|Дмитриевна|6|8|3",
        "Евгений|Евгеньевич|Евгеньевна|1|5|5",
        "Егор|Егорович|Егоровна|5|2|0",
        "Иван|Иванович|Ивановна|6|3|5",
        "Игорь|Игоревич|Игоревна|0|4|5",
        "Илья|Ильич|Ильинична|5|3|1",
        "Кирилл|Кириллович|Кирилловна|5|3|0",
        "Константин|Константинович|Константиновна|1|4|2",
        "Лев|Львович|Львовна|5|0|1",
        "Леонид|Леонидович|Леонидовна|0|1|3",
        "Максим|Максимович|Максимовна|7|6|0",
        "Марк|Маркович|Марковна|4|0|0",
        "Матвей|Матвеевич|Матвеевна|6|0|0",
        "Михаил|Михайлович|Михайловна|7|4|5",
        "Никита|Никитич|Никитична|4|3|0",
        "Николай|Николаевич|Николаевна|2|2|7",
        "Олег|Олегович|Олеговна|0|4|4",
        "Павел|Павлович|Павловна|2|5|3",
        "Пётр|Петрович|Петровна|2|1|4",
        "Роман|Романович|Романовна|3|5|1",
        "Руслан|Русланович|Руслановна|1|3|0",
        "Семён|Семёнович|Семёновна|3|0|1",
        "Сергей|Сергеевич|Сергеевна|2|8|7",
        "Станислав|Станиславович|Станиславовна|1|2|2",
        "Степан|Степанович|Степановна|3|0|1",
        "Тимофей|Тимофеевич|Тимофеевна|5|0|0",
        "Тимур|Тимурович|Тимуровна|2|2|0",
        "Фёдор|Фёдорович|Фёдоровна|4|0|2",
        "Эдуард|Эдуардович|Эдуардовна|0|1|2",
        "Юрий|Юрьевич|Юрьевна|0|3|6",
        "Ярослав|Ярославович|Ярославовна|3|1|0",
    };

    /** Female first names with weights among children, parents and grandparents (as for male names). */
    private static final String[] FEMALE_NAME_TABLE = {
        "Александра|4|3|2", "Алёна|1|4|0", "Алиса|6|0|0", "Алла|0|1|3", "Анастасия|6|6|0",
        "Ангелина|3|1|0", "Анна|7|7|3", "Антонина|0|0|3", "Арина|5|0|0", "Валентина|0|1|5",
        "Варвара|5|0|0", "Вера|2|1|4", "Вероника|4|2|0", "Виктория|5|5|0", "Галина|0|1|6",
        "Дарья|6|4|0", "Диана|2|3|0", "Ева|4|0|0", "Евгения|1|4|2", "Екатерина|5|8|1",
        "Елена|1|8|6", "Елизавета|5|1|0", "Жанна|0|2|1", "Злата|3|0|0", "Ирина|0|7|5",
        "Кира|3|0|0", "Кристина|1|4|0", "Ксения|4|5|0", "Лариса|0|2|4", "Любовь|0|1|4",
        "Людмила|0|1|5", "Маргарита|2|2|2", "Марина|0|5|4", "Мария|7|6|2", "Милана|4|0|0",
        "Надежда|0|3|5", "Наталья|0|7|6", "Нина|0|0|3", "Оксана|0|4|1", "Ольга|0|7|6",
        "Полина|6|2|0", "Светлана|0|6|5", "София|7|0|0", "Таисия|3|0|0", "Татьяна|0|7|6",
        "Ульяна|4|0|0", "Юлия|2|7|1", "Яна|1|3|0",
    };

    /** Common surnames as male|female forms. -ых/-их, -енко and -ук stay the same for both. */
    private static final String[] SURNAME_TABLE = {
        "Иванов|Иванова", "Смирнов|Смирнова", "Кузнецов|Кузнецова", "Попов|Попова", "Васильев|Васильева",
        "Петров|Петрова", "Соколов|Соколова", "Михайлов|Михайлова", "Новиков|Новикова", "Фёдоров|Фёдорова",
        "Морозов|Морозова", "Волков|Волкова", "Алексеев|Алексеева", "Лебедев|Лебедева", "Семёнов|Семёнова",
        "Егоров|Егорова", "Павлов|Павлова", "Козлов|Козлова", "Степанов|Степанова", "Николаев|Николаева",
        "Орлов|Орлова", "Андреев|Андреева", "Макаров|Макарова", "Никитин|Никитина", "Захаров|Захарова",
        "Зайцев|Зайцева", "Соловьёв|Соловьёва", "Борисов|Борисова", "Яковлев|Яковлева", "Григорьев|Григорьева",
        "Воробьёв|Воробьёва", "Сергеев|Сергеева", "Кузьмин|Кузьмина", "Фролов|Фролова", "Александров|Александрова",
        "Дмитриев|Дмитриева", "Гусев|Гусева", "Киселёв|Киселёва", "Ильин|Ильина", "Максимов|Максимова",
        "Поляков|Полякова", "Сорокин|Сорокина", "Виноградов|Виноградова", "Ковалёв|Ковалёва", "Белов|Белова",
        "Антонов|Антонова", "Тарасов|Тарасова", "Баранов|Баранова", "Филиппов|Филиппова", "Комаров|Комарова",
        "Давыдов|Давыдова", "Беляев|Беляева", "Герасимов|Герасимова", "Богданов|Богданова", "Осипов|Осипова",
        "Сидоров|Сидорова", "Матвеев|Матвеева", "Марков|Маркова", "Крылов|Крылова", "Куликов|Куликова",
        "Власов|Власова", "Мельников|Мельникова", "Денисов|Денисова", "Тихонов|Тихонова", "Фомин|Фомина",
        "Цветков|Цветкова",
        "Покровский|Покровская", "Вишневский|Вишневская", "Сосновский|Сосновская", "Зарецкий|Зарецкая",
        "Лозинский|Лозинская", "Каменский|Каменская", "Полянский|Полянская", "Добровольский|Добровольская",
        "Белых|Белых", "Черных|Черных", "Седых|Седых", "Долгих|Долгих", "Рыжих|Рыжих",
        "Коваленко|Коваленко", "Бондаренко|Бондаренко", "Ткаченко|Ткаченко", "Ковальчук|Ковальчук",
        "Полищук|Полищук",
    };

    /**
     * "Surname FirstName" pairs (male surname form) of well-known real people that random drawing could produce.
     * A drawn first name that completes one of them is drawn again.
     */
    private static final Set<String> BLOCKED_COMBINATIONS = Set.of(
        "Павлов Иван", "Попов Александр", "Соловьёв Владимир", "Киселёв Дмитрий", "Тихонов Вячеслав",
        "Крылов Иван", "Крылов Алексей", "Морозов Павел", "Кузнецов Николай", "Макаров Степан", "Давыдов Денис",
        "Орлов Григорий", "Яковлев Александр", "Петров Станислав", "Зайцев Вячеслав", "Зайцев Василий",
        "Сорокин Владимир", "Антонов Олег", "Ильин Иван", "Виноградов Иван", "Ковалёв Сергей", "Белов Сергей",
        "Белов Александр", "Лебедев Сергей", "Михайлов Станислав", "Козлов Вячеслав", "Тарасов Анатолий",
        "Михайлов Борис", "Никитин Афанасий", "Петров Александр");

    private record MaleName(String name, String patronymicMale, String patronymicFemale,
                            int childWeight, int parentWeight, int elderWeight) {
        String patronymic(boolean female) {
            return female ? patronymicFemale : patronymicMale;
        }
    }

    private record FemaleName(String name, int childWeight, int parentWeight, int elderWeight) {}

    private record Surname(String male, String female) {
        String form(boolean female) {
            return female ? this.female : male;
        }
    }

    private static final List<MaleName> MALE_NAMES = new ArrayList<>();
    private static final List<FemaleName> FEMALE_NAMES = new ArrayList<>();
    private static final List<Surname> SURNAMES = new ArrayList<>();
    private static final Map<String, MaleName> MALE_BY_NAME = new HashMap<>();
    private static final Map<String, Surname> SURNAME_BY_MALE_FORM = new HashMap<>();

    static {
        for (String line : MALE_NAME_TABLE) {
            String[] f = line.split("\\|");
            MaleName n = new MaleName(f[0], f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                Integer.parseInt(f[5]));
            MALE_NAMES.add(n);
            MALE_BY_NAME.put(n.name(), n);
        }
        for (String line : FEMALE_NAME_TABLE) {
            String[] f = line.split("\\|");
            FEMALE_NAMES.add(new FemaleName(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                Integer.parseInt(f[3])));
        }
        for (String line : SURNAME_TABLE) {
            String[] f = line.split("\\|");
            Surname s = new Surname(f[0], f[1]);
            SURNAMES.add(s);
            SURNAME_BY_MALE_FORM.put(s.male(), s);
        }
    }

    /** The three generations that name popularity depends on. */
    private enum Generation { CHILD, PARENT, ELDER }

    private static final Weighted<MaleName> CHILD_MALE = new Weighted<>(MALE_NAMES, MaleName::childWeight);
    private static final Weighted<MaleName> PARENT_MALE = new Weighted<>(MALE_NAMES, MaleName::parentWeight);
    private static final Weighted<MaleName> ELDER_MALE = new Weighted<>(MALE_NAMES, MaleName::elderWeight);
    private static final Weighted<FemaleName> CHILD_FEMALE = new Weighted<>(FEMALE_NAMES, FemaleName::childWeight);
    private static final Weighted<FemaleName> PARENT_FEMALE = new Weighted<>(FEMALE_NAMES, FemaleName::parentWeight);
    private static final Weighted<FemaleName> ELDER_FEMALE = new Weighted<>(FEMALE_NAMES, FemaleName::elderWeight);

    // ---------------------------------------------------------------------------------------------------------
    // Staff tables
    // ---------------------------------------------------------------------------------------------------------

    /** Non-teaching positions, in the order they are listed, with the share of women in each. */
    private static final String[] ADMIN_POSITIONS = {
        "директор", "заместитель директора по УВР", "заместитель директора по УВР", "заместитель директора по ВР",
        "социальный педагог", "педагог-психолог"};
    private static final double[] ADMIN_FEMALE_SHARE = {0.5, 0.8, 0.8, 0.85, 0.9, 0.9};

    private static final double PRIMARY_TEACHER_FEMALE_SHARE = 0.93;

    /**
     * A subject teacher's set of subjects, its relative frequency, the share of women and whether such a teacher may
     * also run clubs (педагог дополнительного образования).
     */
    private record Profile(String subjects, int weight, double femaleShare, boolean extracurricular) {}

    /**
     * Every subject gets one teacher, in this order; further teachers are shared out in proportion to the weights,
     * which follow the weekly hours of grades 5–11 (English is taught in half-classes).
     */
    private static final List<Profile> SINGLE_PROFILES = List.of(
        new Profile("Русский язык, Литература", 8, 0.9, false),
        new Profile("Математика, Алгебра, Геометрия", 7, 0.75, false),
        new Profile("Английский язык", 7, 0.88, false),
        new Profile("История, Обществознание", 3, 0.65, false),
        new Profile("Физическая культура", 4, 0.3, true),
        new Profile("Информатика", 2, 0.4, true),
        new Profile("Физика", 2, 0.5, false),
        new Profile("Химия", 1, 0.85, false),
        new Profile("Биология", 1, 0.9, false),
        new Profile("География", 1, 0.8, false),
        new Profile("Немецкий язык", 1, 0.95, false),
        new Profile("Музыка", 1, 0.85, true),
        new Profile("Изобразительное искусство", 1, 0.9, true),
        new Profile("Технология", 2, 0.45, true),
        new Profile("ОБЗР", 1, 0.15, false));

    /**
     * Teachers of two subjects. Each may replace one teacher of its first subject (the map key), with probability
     * {@link #COMBINED_PROFILE_CHANCE}; the subject stays covered because the new set contains it.
     */
    private static final Map<String, Profile> COMBINED_PROFILES = new LinkedHashMap<>();
    private static final double COMBINED_PROFILE_CHANCE = 0.35;

    static {
        COMBINED_PROFILES.put("Английский язык", new Profile("Английский язык, Немецкий язык", 0, 0.95, false));
        COMBINED_PROFILES.put("Химия", new Profile("Химия, Биология", 0, 0.85, false));
        COMBINED_PROFILES.put("География", new Profile("Биология, География", 0, 0.85, false));
        COMBINED_PROFILES.put("Информатика", new Profile("Математика, Информатика", 0, 0.6, true));
        COMBINED_PROFILES.put("Физика", new Profile("Физика, Информатика", 0, 0.45, true));
        COMBINED_PROFILES.put("ОБЗР", new Profile("ОБЗР, Физическая культура", 0, 0.2, true));
        COMBINED_PROFILES.put("Технология", new Profile("Изобразительное искусство, Технология", 0, 0.7, true));
    }

    private DemoRosterGenerator() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // Public API
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Generates the students file: grades 1–11, {@code classesPerGrade} classes in each, with their guardians.
     *
     * <p>About 12% of families have two children at the school, in different grades; both rows carry the same
     * guardian codes, names and contacts. A brother and a sister share the surname in its male and female form
     * (Соколов, Соколова). About 8% of students have one guardian only, about 2% an "опекун" instead of parents.
     *
     * @param seed             random seed; the same arguments always give the same text
     * @param academicYear     first year of the academic year, e.g. 2026 for 2026/2027
     * @param classesPerGrade  classes in each grade, lettered А, Б, В, Г… (3 gives А, Б, В)
     * @param studentsPerClass average class size; each class varies by up to 3 either way (at least 1 student)
     * @return the CSV text
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static String studentsCsv(long seed, int academicYear, int classesPerGrade, int studentsPerClass) {
        checkYear(academicYear);
        checkClassesPerGrade(classesPerGrade);
        if (studentsPerClass < 1 || studentsPerClass > 60) {
            throw new IllegalArgumentException("studentsPerClass must be between 1 and 60: " + studentsPerClass);
        }
        Context ctx = new Context(seed, 1);

        int[][] remaining = new int[GRADES + 1][classesPerGrade];
        List<int[]> slots = new ArrayList<>();
        for (int grade = 1; grade <= GRADES; grade++) {
            for (int letter = 0; letter < classesPerGrade; letter++) {
                int size = Math.max(1, studentsPerClass + ctx.between(-3, 3));
                remaining[grade][letter] = size;
                for (int i = 0; i < size; i++) {
                    slots.add(new int[] {grade, letter});
                }
            }
        }
        Collections.shuffle(slots, ctx.rnd);

        List<Student> students = new ArrayList<>();
        for (int[] slot : slots) {
            int grade = slot[0];
            int letter = slot[1];
            if (remaining[grade][letter] == 0) {
                continue; // taken by an older or younger sibling
            }
            Family family = newFamily(ctx);
            remaining[grade][letter]--;
            students.add(newStudent(ctx, family, grade, letter, academicYear, students.size()));
            if (ctx.chance(SIBLING_FAMILY_SHARE)) {
                List<int[]> free = new ArrayList<>();
                for (int g = 1; g <= GRADES; g++) {
                    int gap = Math.abs(g - grade);
                    if (gap < 1 || gap > 6) {
                        continue;
                    }
                    for (int l = 0; l < classesPerGrade; l++) {
                        if (remaining[g][l] > 0) {
                            free.add(new int[] {g, l});
                        }
                    }
                }
                if (!free.isEmpty()) {
                    int[] other = free.get(ctx.rnd.nextInt(free.size()));
                    remaining[other[0]][other[1]]--;
                    students.add(newStudent(ctx, family, other[0], other[1], academicYear, students.size()));
                }
            }
        }

        Collator collator = russianCollator();
        students.sort(Comparator.<Student>comparingInt(s -> s.grade)
            .thenComparingInt(s -> s.letter)
            .thenComparing(s -> s.person.surname(), collator)
            .thenComparing(s -> s.person.firstName(), collator)
            .thenComparing(s -> s.person.patronymic(), collator)
            .thenComparing(s -> s.birth)
            .thenComparingInt(s -> s.seq));

        StringBuilder out = new StringBuilder(students.size() * 260);
        appendRow(out, STUDENT_COLUMNS);
        int guardianSeq = 0;
        int studentSeq = 0;
        for (Student s : students) {
            List<String> row = new ArrayList<>(STUDENT_COLUMNS.size());
            row.add(String.format(Locale.ROOT, "S-%06d", ++studentSeq));
            row.add(s.person.surname());
            row.add(s.person.firstName());
            row.add(s.person.patronymic());
            row.add(DATE.format(s.birth));
            row.add(s.person.female() ? "Ж" : "М");
            row.add(className(s.grade, s.letter));
            row.add(DATE.format(s.enrolled));
            for (int i = 0; i < 2; i++) {
                if (i < s.family.guardians.size()) {
                    Guardian g = s.family.guardians.get(i);
                    if (g.code == null) {
                        g.code = String.format(Locale.ROOT, "G-%06d", ++guardianSeq);
                    }
                    row.add(g.code);
                    row.add(g.person.fullName());
                    row.add(g.relation);
                    row.add(g.phone);
                    row.add(g.email);
                    row.add(g.noElectronicAccess ? YES : NO);
                } else {
                    for (int k = 0; k < 6; k++) {
                        row.add("");
                    }
                }
            }
            appendRow(out, row);
        }
        return out.toString();
    }

    /**
     * Generates the staff file: a director, two deputy directors for teaching (УВР), one for upbringing (ВР), a
     * social pedagogue, a psychologist and teachers for the rest. Each primary class (grades 1–4) has its own
     * primary-school teacher as class teacher; each class of grades 5–11 gets a different subject teacher.
     *
     * @param seed            random seed; the same arguments always give the same text
     * @param academicYear    first year of the academic year (checked only; the staff does not depend on it)
     * @param classesPerGrade classes in each grade, as for {@link #studentsCsv}
     * @param staffCount      number of people, at least {@code 6 + 11 * classesPerGrade}
     * @return the CSV text
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static String staffCsv(long seed, int academicYear, int classesPerGrade, int staffCount) {
        checkYear(academicYear);
        checkClassesPerGrade(classesPerGrade);
        int primaryTeachers = PRIMARY_GRADES * classesPerGrade;
        int seniorClasses = (GRADES - PRIMARY_GRADES) * classesPerGrade;
        int minimum = ADMIN_POSITIONS.length + primaryTeachers + seniorClasses;
        if (staffCount < minimum || staffCount > 1000) {
            throw new IllegalArgumentException("staffCount must be between " + minimum + " and 1000 for "
                + classesPerGrade + " classes per grade: " + staffCount);
        }
        Context ctx = new Context(seed, 2);

        List<StaffMember> admin = new ArrayList<>();
        for (int i = 0; i < ADMIN_POSITIONS.length; i++) {
            admin.add(newStaffMember(ctx, ADMIN_POSITIONS[i], "", ADMIN_FEMALE_SHARE[i], admin.size()));
        }
        List<StaffMember> primary = new ArrayList<>();
        for (int i = 0; i < primaryTeachers; i++) {
            primary.add(newStaffMember(ctx, TEACHER, PRIMARY_SUBJECTS, PRIMARY_TEACHER_FEMALE_SHARE,
                admin.size() + primary.size()));
        }
        int subjectTeachers = staffCount - admin.size() - primary.size();
        List<StaffMember> subject = new ArrayList<>();
        List<StaffMember> extracurricularCandidates = new ArrayList<>();
        for (Profile p : allocateProfiles(ctx, subjectTeachers)) {
            StaffMember m = newStaffMember(ctx, TEACHER, p.subjects(), p.femaleShare(),
                admin.size() + primary.size() + subject.size());
            subject.add(m);
            if (p.extracurricular()) {
                extracurricularCandidates.add(m);
            }
        }

        int extracurricular = Math.min(extracurricularCandidates.size(),
            Math.max(1, (int) Math.round(subjectTeachers * EXTRACURRICULAR_SHARE)));
        Collections.shuffle(extracurricularCandidates, ctx.rnd);
        for (int i = 0; i < extracurricular; i++) {
            extracurricularCandidates.get(i).position = TEACHER_AND_EXTRACURRICULAR;
        }

        List<String> primaryClasses = new ArrayList<>();
        List<String> seniorClassNames = new ArrayList<>();
        for (int grade = 1; grade <= GRADES; grade++) {
            for (int letter = 0; letter < classesPerGrade; letter++) {
                (grade <= PRIMARY_GRADES ? primaryClasses : seniorClassNames).add(className(grade, letter));
            }
        }
        Collections.shuffle(primaryClasses, ctx.rnd);
        for (int i = 0; i < primary.size(); i++) {
            primary.get(i).classTeacherOf = primaryClasses.get(i);
        }
        List<StaffMember> tutors = new ArrayList<>(subject);
        Collections.shuffle(tutors, ctx.rnd);
        Collections.shuffle(seniorClassNames, ctx.rnd);
        for (int i = 0; i < seniorClassNames.size(); i++) {
            tutors.get(i).classTeacherOf = seniorClassNames.get(i);
        }

        Collator collator = russianCollator();
        List<StaffMember> teachers = new ArrayList<>(primary);
        teachers.addAll(subject);
        teachers.sort(Comparator.<StaffMember, String>comparing(m -> m.person.surname(), collator)
            .thenComparing(m -> m.person.firstName(), collator)
            .thenComparing(m -> m.person.patronymic(), collator)
            .thenComparingInt(m -> m.seq));
        List<StaffMember> all = new ArrayList<>(admin);
        all.addAll(teachers);

        StringBuilder out = new StringBuilder(all.size() * 200);
        appendRow(out, STAFF_COLUMNS);
        int code = 0;
        for (StaffMember m : all) {
            appendRow(out, List.of(
                String.format(Locale.ROOT, "T-%04d", ++code),
                m.person.surname(),
                m.person.firstName(),
                m.person.patronymic(),
                m.position,
                m.subjects,
                m.phone,
                m.email,
                m.classTeacherOf));
        }
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Package-private helpers (used by the test)
    // ---------------------------------------------------------------------------------------------------------

    /** The patronymic formed from a male first name in the table, or {@code null} if the name is not listed. */
    static String patronymicOf(String fatherFirstName, boolean female) {
        MaleName n = MALE_BY_NAME.get(fatherFirstName);
        return n == null ? null : n.patronymic(female);
    }

    /** The male or female form of a listed surname given in its male form, or {@code null} if it is not listed. */
    static String surnameForm(String maleForm, boolean female) {
        Surname s = SURNAME_BY_MALE_FORM.get(maleForm);
        return s == null ? null : s.form(female);
    }

    /** Transliterates Russian letters to lower-case ASCII for e-mail addresses; other characters are dropped. */
    static String transliterate(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 4);
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case 'а' -> sb.append('a');
                case 'б' -> sb.append('b');
                case 'в' -> sb.append('v');
                case 'г' -> sb.append('g');
                case 'д' -> sb.append('d');
                case 'е', 'ё', 'э' -> sb.append('e');
                case 'ж' -> sb.append("zh");
                case 'з' -> sb.append('z');
                case 'и' -> sb.append('i');
                case 'й', 'ы' -> sb.append('y');
                case 'к' -> sb.append('k');
                case 'л' -> sb.append('l');
                case 'м' -> sb.append('m');
                case 'н' -> sb.append('n');
                case 'о' -> sb.append('o');
                case 'п' -> sb.append('p');
                case 'р' -> sb.append('r');
                case 'с' -> sb.append('s');
                case 'т' -> sb.append('t');
                case 'у' -> sb.append('u');
                case 'ф' -> sb.append('f');
                case 'х' -> sb.append("kh");
                case 'ц' -> sb.append("ts");
                case 'ч' -> sb.append("ch");
                case 'ш' -> sb.append("sh");
                case 'щ' -> sb.append("shch");
                case 'ю' -> sb.append("yu");
                case 'я' -> sb.append("ya");
                case 'ъ', 'ь' -> { }
                default -> {
                    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Quotes a field only when it contains ';', '"' or a line break. */
    static String escape(String value) {
        if (value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
            && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    // ---------------------------------------------------------------------------------------------------------
    // Generation
    // ---------------------------------------------------------------------------------------------------------

    private record Person(String surname, String firstName, String patronymic, boolean female) {
        String fullName() {
            return surname + " " + firstName + " " + patronymic;
        }
    }

    private static final class Guardian {
        final Person person;
        final String relation;
        final String phone;
        final String email;
        final boolean noElectronicAccess;
        /** Assigned in order of first appearance in the file. */
        String code;

        Guardian(Person person, String relation, String phone, String email, boolean noElectronicAccess) {
            this.person = person;
            this.relation = relation;
            this.phone = phone;
            this.email = email;
            this.noElectronicAccess = noElectronicAccess;
        }
    }

    private static final class Family {
        final Surname surname;
        final MaleName father;
        final List<Guardian> guardians = new ArrayList<>(2);
        final Set<String> childNames = new HashSet<>();

        Family(Surname surname, MaleName father) {
            this.surname = surname;
            this.father = father;
        }
    }

    private static final class Student {
        final int grade;
        final int letter;
        final Person person;
        final LocalDate birth;
        final LocalDate enrolled;
        final Family family;
        final int seq;

        Student(int grade, int letter, Person person, LocalDate birth, LocalDate enrolled, Family family, int seq) {
            this.grade = grade;
            this.letter = letter;
            this.person = person;
            this.birth = birth;
            this.enrolled = enrolled;
            this.family = family;
            this.seq = seq;
        }
    }

    private static final class StaffMember {
        final Person person;
        final String subjects;
        final String phone;
        final String email;
        final int seq;
        String position;
        String classTeacherOf = "";

        StaffMember(Person person, String position, String subjects, String phone, String email, int seq) {
            this.person = person;
            this.position = position;
            this.subjects = subjects;
            this.phone = phone;
            this.email = email;
            this.seq = seq;
        }
    }

    /**
     * Shares {@code teachers} subject teachers among the profiles in proportion to their weights (D'Hondt), after
     * giving every subject one teacher: a school of 60 gets 8 teachers of Russian and 7 of mathematics, but one of
     * ОБЗР. Then a few teachers, chosen by the seed, are given a second subject.
     */
    private static List<Profile> allocateProfiles(Context ctx, int teachers) {
        int[] counts = new int[SINGLE_PROFILES.size()];
        List<Profile> result = new ArrayList<>(teachers);
        for (int i = 0; i < SINGLE_PROFILES.size() && result.size() < teachers; i++) {
            counts[i]++;
            result.add(SINGLE_PROFILES.get(i));
        }
        while (result.size() < teachers) {
            int best = 0;
            for (int i = 1; i < counts.length; i++) {
                // weight[i] / (counts[i] + 1) > weight[best] / (counts[best] + 1), in integers
                if ((long) SINGLE_PROFILES.get(i).weight() * (counts[best] + 1)
                    > (long) SINGLE_PROFILES.get(best).weight() * (counts[i] + 1)) {
                    best = i;
                }
            }
            counts[best]++;
            result.add(SINGLE_PROFILES.get(best));
        }
        for (Map.Entry<String, Profile> combined : COMBINED_PROFILES.entrySet()) {
            if (!ctx.chance(COMBINED_PROFILE_CHANCE)) {
                continue;
            }
            for (int i = 0; i < result.size(); i++) {
                if (result.get(i).subjects().equals(combined.getKey())) {
                    result.set(i, combined.getValue());
                    break;
                }
            }
        }
        return result;
    }

    private static Family newFamily(Context ctx) {
        Surname surname = ctx.any(SURNAMES);
        MaleName fatherName = maleFirstName(ctx, PARENT_MALE, surname);
        Family family = new Family(surname, fatherName);
        double kind = ctx.rnd.nextDouble();
        if (kind < TRUSTEE_FAMILY_SHARE) {
            boolean female = ctx.chance(TRUSTEE_IS_FEMALE);
            Surname own = ctx.chance(TRUSTEE_SHARES_SURNAME) ? surname : otherSurname(ctx, surname);
            family.guardians.add(newGuardian(ctx, adult(ctx, own, female, Generation.ELDER), TRUSTEE));
            return family;
        }
        Person father = new Person(surname.male(), fatherName.name(), ELDER_MALE.pick(ctx.rnd).patronymicMale(),
            false);
        if (kind < TRUSTEE_FAMILY_SHARE + SINGLE_PARENT_FAMILY_SHARE) {
            if (ctx.chance(SINGLE_PARENT_IS_MOTHER)) {
                family.guardians.add(newGuardian(ctx, adult(ctx, surname, true, Generation.PARENT), MOTHER));
            } else {
                family.guardians.add(newGuardian(ctx, father, FATHER));
            }
            return family;
        }
        Surname motherSurname = ctx.chance(MOTHER_SHARES_SURNAME) ? surname : otherSurname(ctx, surname);
        Guardian mother = newGuardian(ctx, adult(ctx, motherSurname, true, Generation.PARENT), MOTHER);
        Guardian dad = newGuardian(ctx, father, FATHER);
        if (ctx.chance(MOTHER_LISTED_FIRST)) {
            family.guardians.add(mother);
            family.guardians.add(dad);
        } else {
            family.guardians.add(dad);
            family.guardians.add(mother);
        }
        return family;
    }

    private static Guardian newGuardian(Context ctx, Person person, String relation) {
        String phone = ctx.phone();
        boolean noAccess = ctx.chance(NO_ELECTRONIC_ACCESS);
        boolean hasEmail = ctx.chance(noAccess ? EMAIL_IF_NO_ACCESS : EMAIL_IF_ACCESS);
        String email = hasEmail ? ctx.personalEmail(person) : "";
        return new Guardian(person, relation, phone, email, noAccess);
    }

    private static Student newStudent(Context ctx, Family family, int grade, int letter, int year, int seq) {
        boolean female = ctx.chance(GIRL);
        String surname = family.surname.form(female);
        String firstName;
        do {
            firstName = female ? CHILD_FEMALE.pick(ctx.rnd).name() : CHILD_MALE.pick(ctx.rnd).name();
        } while (family.childNames.contains(firstName) || isBlocked(family.surname, firstName));
        family.childNames.add(firstName);
        Person person = new Person(surname, firstName, family.father.patronymic(female), female);

        int birthYear = year - 6 - grade;
        LocalDate birth = LocalDate.ofYearDay(birthYear, 1 + ctx.rnd.nextInt(LocalDate.of(birthYear, 1, 1)
            .lengthOfYear()));

        int firstSchoolYear = year - grade + 1;
        LocalDate enrolled = LocalDate.of(firstSchoolYear, 9, 1);
        if (grade > 1 && ctx.chance(TRANSFER)) {
            int start = firstSchoolYear + ctx.between(1, grade - 1);
            if (start == year || ctx.chance(0.5)) {
                enrolled = LocalDate.of(start, 9, 1);
            } else {
                // Some day of an earlier school year, 2 September to 25 May.
                LocalDate from = LocalDate.of(start, 9, 2);
                int span = (int) (LocalDate.of(start + 1, 5, 25).toEpochDay() - from.toEpochDay());
                enrolled = from.plusDays(ctx.rnd.nextInt(span + 1));
            }
        }
        return new Student(grade, letter, person, birth, enrolled, family, seq);
    }

    private static StaffMember newStaffMember(Context ctx, String position, String subjects, double femaleShare,
                                              int seq) {
        boolean female = ctx.chance(femaleShare);
        Generation generation = ctx.chance(0.4) ? Generation.ELDER : Generation.PARENT;
        Person person = adult(ctx, ctx.any(SURNAMES), female, generation);
        return new StaffMember(person, position, subjects, ctx.phone(), ctx.workEmail(person), seq);
    }

    /** An adult of the given generation; the patronymic comes from a father one generation older. */
    private static Person adult(Context ctx, Surname surname, boolean female, Generation generation) {
        String firstName;
        if (female) {
            Weighted<FemaleName> names = generation == Generation.ELDER ? ELDER_FEMALE : PARENT_FEMALE;
            do {
                firstName = names.pick(ctx.rnd).name();
            } while (isBlocked(surname, firstName));
        } else {
            firstName = maleFirstName(ctx, generation == Generation.ELDER ? ELDER_MALE : PARENT_MALE, surname).name();
        }
        return new Person(surname.form(female), firstName, ELDER_MALE.pick(ctx.rnd).patronymic(female), female);
    }

    private static MaleName maleFirstName(Context ctx, Weighted<MaleName> names, Surname surname) {
        MaleName n;
        do {
            n = names.pick(ctx.rnd);
        } while (isBlocked(surname, n.name()));
        return n;
    }

    private static boolean isBlocked(Surname surname, String firstName) {
        return BLOCKED_COMBINATIONS.contains(surname.male() + " " + firstName);
    }

    private static Surname otherSurname(Context ctx, Surname not) {
        Surname s;
        do {
            s = ctx.any(SURNAMES);
        } while (s.equals(not));
        return s;
    }

    private static String className(int grade, int letter) {
        return grade + String.valueOf(CLASS_LETTERS.charAt(letter));
    }

    private static Collator russianCollator() {
        Collator c = Collator.getInstance(Locale.forLanguageTag("ru-RU"));
        c.setStrength(Collator.TERTIARY);
        return c;
    }

    private static void checkYear(int academicYear) {
        if (academicYear < 2000 || academicYear > 2100) {
            throw new IllegalArgumentException("academicYear must be between 2000 and 2100: " + academicYear);
        }
    }

    private static void checkClassesPerGrade(int classesPerGrade) {
        if (classesPerGrade < 1 || classesPerGrade > CLASS_LETTERS.length()) {
            throw new IllegalArgumentException("classesPerGrade must be between 1 and " + CLASS_LETTERS.length()
                + ": " + classesPerGrade);
        }
    }

    private static void appendRow(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(escape(fields.get(i)));
        }
        out.append('\n');
    }

    /** Random source plus the phones and e-mail addresses already handed out (they are unique per file). */
    private static final class Context {
        final Random rnd;
        private final Set<String> phones = new HashSet<>();
        private final Set<String> emails = new HashSet<>();

        Context(long seed, long stream) {
            this.rnd = new Random(seed ^ (stream * 0x9E3779B97F4A7C15L));
        }

        boolean chance(double p) {
            return rnd.nextDouble() < p;
        }

        int between(int min, int maxInclusive) {
            return min + rnd.nextInt(maxInclusive - min + 1);
        }

        <T> T any(List<T> items) {
            return items.get(rnd.nextInt(items.size()));
        }

        /** A mobile number "+7 9XX XXX-XX-XX", unique within the file. */
        String phone() {
            while (true) {
                String p = String.format(Locale.ROOT, "+7 9%02d %03d-%02d-%02d", rnd.nextInt(100), rnd.nextInt(1000),
                    rnd.nextInt(100), rnd.nextInt(100));
                if (phones.add(p)) {
                    return p;
                }
            }
        }

        /** A private address: transliterated name plus digits at one of the example domains. */
        String personalEmail(Person p) {
            String first = transliterate(p.firstName());
            String last = transliterate(p.surname());
            String local = switch (rnd.nextInt(5)) {
                case 0 -> first + "." + last + twoDigits();
                case 1 -> last + "." + first.charAt(0) + between(1965, 1999);
                case 2 -> first.charAt(0) + "." + last + twoDigits();
                case 3 -> first + "_" + last + twoDigits();
                default -> last + between(100, 999);
            };
            String domain = EMAIL_DOMAINS[rnd.nextInt(EMAIL_DOMAINS.length)];
            while (!emails.add(local + "@" + domain)) {
                local = local + rnd.nextInt(10);
            }
            return local + "@" + domain;
        }

        /** A work address: surname and initials at the school's example domain. */
        String workEmail(Person p) {
            String base = transliterate(p.surname()) + "." + transliterate(p.firstName()).charAt(0)
                + transliterate(p.patronymic()).charAt(0);
            String email = base + "@" + STAFF_EMAIL_DOMAIN;
            for (int n = 2; !emails.add(email); n++) {
                email = base + n + "@" + STAFF_EMAIL_DOMAIN;
            }
            return email;
        }

        private String twoDigits() {
            return String.format(Locale.ROOT, "%02d", rnd.nextInt(100));
        }
    }

    /** Picks items with probability proportional to an integer weight; items with weight 0 are never picked. */
    private static final class Weighted<T> {
        private final List<T> items = new ArrayList<>();
        private final int[] cumulative;
        private final int total;

        Weighted(List<T> all, ToIntFunction<T> weight) {
            List<Integer> sums = new ArrayList<>();
            int sum = 0;
            for (T item : all) {
                int w = weight.applyAsInt(item);
                if (w > 0) {
                    sum += w;
                    items.add(item);
                    sums.add(sum);
                }
            }
            if (sum == 0) {
                throw new IllegalStateException("no item has a positive weight");
            }
            cumulative = sums.stream().mapToInt(Integer::intValue).toArray();
            total = sum;
        }

        T pick(Random rnd) {
            int x = rnd.nextInt(total);
            for (int i = 0; i < cumulative.length; i++) {
                if (x < cumulative[i]) {
                    return items.get(i);
                }
            }
            throw new AssertionError();
        }
    }
}
