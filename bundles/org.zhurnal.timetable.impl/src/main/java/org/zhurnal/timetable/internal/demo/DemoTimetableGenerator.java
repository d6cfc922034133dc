package org.zhurnal.timetable.internal.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.zhurnal.timetable.internal.importer.TimetableCsv;

/**
 * Builds a weekly timetable for a school from a per-grade curriculum (hours per subject per week), in the
 * timetable import format. Pure and deterministic: the same arguments always give the same text.
 *
 * <p>Each class gets one teacher per subject: in grades 1–4 its class teacher for the core subjects, otherwise the
 * least-loaded teacher who teaches the subject (ties broken by the seed). Lessons are then placed, the busiest
 * teachers first, into a compact day (lessons 1…n, no gaps, the week's hours spread evenly over the days) so that
 * no teacher is in two places at once and a subject comes at most once a day (twice when it has more than five
 * hours); when no slot is free, a lesson of the class is moved aside to make one. Every teacher has one room of
 * their own, so rooms never clash. If a lesson still finds no place the whole week is built again with the next
 * seed; what cannot be placed at all is left out and counted in {@link Result#dropped()}.
 */
public final class DemoTimetableGenerator {

    /** A class of the year: its name («5А»), grade and the staff code of its class teacher (or {@code null}). */
    public record ClassInfo(String name, int grade, String classTeacherCode) {}

    /** A teacher: staff code and the subjects they teach. */
    public record Teacher(String code, List<String> subjects) {}

    /** One weekly lesson: day 1 = Monday. */
    public record Row(String className, String subject, String teacherCode, String room, int day, int lesson) {}

    /** The timetable and the lessons of the curriculum that found no teacher or no slot. */
    public record Result(List<Row> rows, int dropped) {}

    static final List<String> PRIMARY_CORE = List.of("Русский язык", "Литературное чтение", "Математика", "Окружающий мир");
    private static final String[] DAY_NAMES = { "Пн", "Вт", "Ср", "Чт", "Пт", "Сб" };
    private static final int ATTEMPTS = 20;

    /** Hours per subject per week, by grade (a five-day week, after the federal basic curriculum). */
    static Map<String, Integer> curriculum(int grade) {
        Map<String, Integer> c = new LinkedHashMap<>();
        if (grade <= 4) {
            c.put("Русский язык", 5);
            c.put("Литературное чтение", grade == 4 ? 3 : 4);
            c.put("Математика", 4);
            c.put("Окружающий мир", 2);
            if (grade >= 2) {
                c.put("Английский язык", 2);
            }
            c.put("Музыка", 1);
            c.put("Изобразительное искусство", 1);
            c.put("Технология", 1);
            c.put("Физическая культура", 3);
            return c;
        }
        c.put("Русский язык", switch (grade) { case 5 -> 5; case 6 -> 6; case 7 -> 4; case 8, 9 -> 3; default -> 2; });
        c.put("Литература", grade == 7 || grade == 8 ? 2 : 3);
        c.put("Английский язык", 3);
        if (grade <= 6) {
            c.put("Математика", 5);
        } else {
            c.put("Алгебра", grade >= 10 ? 4 : 3);
            c.put("Геометрия", 2);
            c.put("Информатика", 1);
        }
        c.put("История", 2);
        if (grade >= 6) {
            c.put("Обществознание", grade >= 10 ? 2 : 1);
        }
        c.put("География", grade == 7 || grade == 8 ? 2 : 1);
        c.put("Биология", grade == 9 ? 2 : 1);
        if (grade >= 7) {
            c.put("Физика", grade == 9 ? 3 : 2);
        }
        if (grade >= 8) {
            c.put("Химия", grade <= 9 ? 2 : 1);
        }
        if (grade <= 8) {
            c.put("Музыка", 1);
        }
        if (grade <= 7) {
            c.put("Изобразительное искусство", 1);
        }
        if (grade <= 8) {
            c.put("Технология", grade <= 7 ? 2 : 1);
        }
        c.put("Физическая культура", 2);
        if (grade >= 8) {
            c.put("ОБЗР", 1);
        }
        return c;
    }

    private DemoTimetableGenerator() {
    }

    /** @return the timetable as an import file (header, then one row per lesson; «Действует с» left to the year's start) */
    public static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 60);
        out.append(String.join(";", TimetableCsv.COLUMNS)).append('\n');
        for (Row r : rows) {
            out.append(r.className()).append(";;").append(r.subject()).append(';').append(r.teacherCode()).append(';').append(r.room())
                    .append(';').append(DAY_NAMES[r.day() - 1]).append(';').append(r.lesson()).append(";;;все\n");
        }
        return out.toString();
    }

    /**
     * @param seed random seed
     * @param classes the classes, in the order they should appear
     * @param teachers the teaching staff
     * @param days working days a week (5 or 6)
     * @param maxLessons lessons a day at most (the bell schedule's length)
     */
    public static Result generate(long seed, List<ClassInfo> classes, List<Teacher> teachers, int days, int maxLessons) {
        Result best = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Result r = new Attempt(new Random(seed + attempt * 7919L), classes, teachers, days, maxLessons).run();
            if (best == null || r.dropped() < best.dropped()) {
                best = r;
            }
            if (best.dropped() == 0) {
                break;
            }
        }
        return best;
    }

    /** One try at the whole school with one random sequence. */
    private static final class Attempt {
        private final Random rnd;
        private final List<ClassInfo> classes;
        private final List<Teacher> teachers;
        private final int days;
        private final int maxLessons;
        private final Map<String, Integer> load = new HashMap<>();
        private final Map<String, String> rooms = new HashMap<>();
        /** teacher code → occupied (day * 100 + lesson) slots */
        private final Map<String, java.util.Set<Integer>> busy = new HashMap<>();
        private int dropped;

        Attempt(Random rnd, List<ClassInfo> classes, List<Teacher> teachers, int days, int maxLessons) {
            this.rnd = rnd;
            this.classes = classes;
            this.teachers = teachers;
            this.days = days;
            this.maxLessons = maxLessons;
        }

        /** A lesson of one class to place; {@code slot} = day * 100 + lesson once placed. */
        private static final class Item {
            final String subject;
            final String teacher;
            final int hours;
            int slot;

            Item(String subject, String teacher, int hours) {
                this.subject = subject;
                this.teacher = teacher;
                this.hours = hours;
            }
        }

        Result run() {
            assignRooms();
            Map<ClassInfo, List<Item>> perClass = new LinkedHashMap<>();
            for (ClassInfo c : classes) {
                List<Item> items = new ArrayList<>();
                for (Map.Entry<String, Integer> s : curriculum(c.grade()).entrySet()) {
                    String teacher = teacherFor(c, s.getKey(), s.getValue());
                    for (int h = 0; h < s.getValue(); h++) {
                        if (teacher == null) {
                            dropped++;
                        } else {
                            items.add(new Item(s.getKey(), teacher, s.getValue()));
                        }
                    }
                }
                perClass.put(c, items);
            }
            // Classes in an order that interleaves grades, then each class's lessons busiest teacher first.
            List<ClassInfo> order = new ArrayList<>(classes);
            Collections.shuffle(order, rnd);
            List<Row> rows = new ArrayList<>();
            for (ClassInfo c : order) {
                List<Item> items = perClass.get(c);
                int[] length = dayLengths(items.size(), classes.indexOf(c));
                Collections.shuffle(items, rnd);
                items.sort(Comparator.comparingInt((Item i) -> -load.get(i.teacher)));
                Map<Integer, Item> grid = new HashMap<>();
                for (Item it : items) {
                    if (!place(it, grid, length, true) && !place(it, grid, length, false)) {
                        dropped++;
                    }
                }
                for (Item it : grid.values()) {
                    rows.add(new Row(c.name(), it.subject, it.teacher, rooms.get(it.teacher), it.slot / 100, it.slot % 100));
                }
            }
            Map<String, Integer> classOrder = new HashMap<>();
            for (int i = 0; i < classes.size(); i++) {
                classOrder.put(classes.get(i).name(), i);
            }
            rows.sort(Comparator.comparingInt((Row r) -> classOrder.get(r.className())).thenComparingInt(Row::day).thenComparingInt(Row::lesson));
            return new Result(List.copyOf(rows), dropped);
        }

        /** Primary teachers keep their class's room; the others get rooms floor by floor, the gyms their own names. */
        private void assignRooms() {
            int primary = 100;
            int other = 200;
            int gym = 0;
            for (ClassInfo c : classes) {
                if (c.grade() <= 4 && c.classTeacherCode() != null && !rooms.containsKey(c.classTeacherCode())) {
                    rooms.put(c.classTeacherCode(), Integer.toString(++primary));
                }
            }
            for (Teacher t : teachers) {
                load.put(t.code(), 0);
                busy.put(t.code(), new java.util.HashSet<>());
                if (!rooms.containsKey(t.code())) {
                    if (t.subjects().contains("Физическая культура")) {
                        rooms.put(t.code(), "Спортзал " + (++gym));
                    } else {
                        other = other % 100 == 20 ? other + 81 : other + 1;
                        rooms.put(t.code(), Integer.toString(other));
                    }
                }
            }
        }

        private String teacherFor(ClassInfo c, String subject, int hours) {
            if (c.grade() <= 4 && PRIMARY_CORE.contains(subject) && c.classTeacherCode() != null && load.containsKey(c.classTeacherCode())) {
                load.merge(c.classTeacherCode(), hours, Integer::sum);
                return c.classTeacherCode();
            }
            List<Teacher> eligible = new ArrayList<>(teachers.stream().filter(t -> t.subjects().contains(subject)).toList());
            if (eligible.isEmpty()) {
                return null;
            }
            Collections.shuffle(eligible, rnd);
            // Primary teachers take other classes' core subjects only when no one else can.
            eligible.sort(Comparator.comparingInt((Teacher t) -> classTeacherOfPrimary(t.code()) ? 1 : 0).thenComparingInt(t -> load.get(t.code())));
            String code = eligible.get(0).code();
            load.merge(code, hours, Integer::sum);
            return code;
        }

        private boolean classTeacherOfPrimary(String code) {
            return classes.stream().anyMatch(c -> c.grade() <= 4 && code.equals(c.classTeacherCode()));
        }

        /** The week's lessons spread evenly; the longer days move from class to class. */
        private int[] dayLengths(int lessons, int classIndex) {
            int[] length = new int[days + 1];
            for (int d = 1; d <= days; d++) {
                int extra = Math.floorMod(d - 1 - classIndex, days) < lessons % days ? 1 : 0;
                length[d] = Math.min(maxLessons, lessons / days + extra);
            }
            return length;
        }

        private boolean fits(Item it, int slot, Map<Integer, Item> grid, boolean strict, Item ignoring) {
            if (busy.get(it.teacher).contains(slot)) {
                return false;
            }
            int day = slot / 100;
            long same = grid.entrySet().stream().filter(e -> e.getKey() / 100 == day && e.getValue() != ignoring
                    && e.getValue().subject.equals(it.subject)).count();
            int limit = strict ? (it.hours > 5 ? 2 : 1) : 3;
            return same < limit;
        }

        private List<Integer> slots(int[] length) {
            List<Integer> all = new ArrayList<>();
            for (int d = 1; d <= days; d++) {
                for (int n = 1; n <= length[d]; n++) {
                    all.add(d * 100 + n);
                }
            }
            Collections.shuffle(all, rnd);
            return all;
        }

        private boolean place(Item it, Map<Integer, Item> grid, int[] length, boolean strict) {
            List<Integer> all = slots(length);
            for (int s : all) {
                if (!grid.containsKey(s) && fits(it, s, grid, strict, null)) {
                    put(it, s, grid);
                    return true;
                }
            }
            // Make room: move a placed lesson to a free slot where its teacher is free, then take its slot.
            for (int s : all) {
                Item other = grid.get(s);
                if (other == null || !fits(it, s, grid, strict, other)) {
                    continue;
                }
                for (int free : all) {
                    if (!grid.containsKey(free) && free != s && fits(other, free, grid, strict, other)) {
                        grid.remove(s);
                        busy.get(other.teacher).remove(s);
                        put(other, free, grid);
                        put(it, s, grid);
                        return true;
                    }
                }
            }
            return false;
        }

        private void put(Item it, int slot, Map<Integer, Item> grid) {
            it.slot = slot;
            grid.put(slot, it);
            busy.get(it.teacher).add(slot);
        }
    }
}
