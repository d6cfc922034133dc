package org.zhurnal.timetable.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.zhurnal.timetable.api.TimetableEntry;
import org.zhurnal.timetable.internal.TimetableRules;

/** The demo timetable: complete, conflict-free by the same rules as every save, compact, deterministic. */
class DemoTimetableGeneratorTest {
    static final String LETTERS = "АБВ";

    /** A school like the demo roster's: 33 classes, a primary teacher per primary class, 42 subject teachers. */
    static List<DemoTimetableGenerator.ClassInfo> classes() {
        List<DemoTimetableGenerator.ClassInfo> out = new ArrayList<>();
        for (int g = 1; g <= 11; g++) {
            for (int l = 0; l < 3; l++) {
                out.add(new DemoTimetableGenerator.ClassInfo(g + LETTERS.substring(l, l + 1), g, g <= 4 ? "P-" + g + l : null));
            }
        }
        return out;
    }

    static List<DemoTimetableGenerator.Teacher> teachers() {
        List<DemoTimetableGenerator.Teacher> out = new ArrayList<>();
        for (var c : classes()) {
            if (c.classTeacherCode() != null) {
                out.add(new DemoTimetableGenerator.Teacher(c.classTeacherCode(), DemoTimetableGenerator.PRIMARY_CORE));
            }
        }
        Object[][] profiles = { { "Русский язык, Литература", 8 }, { "Математика, Алгебра, Геометрия", 7 }, { "Английский язык", 6 },
                { "Английский язык, Немецкий язык", 1 }, { "История, Обществознание", 3 }, { "Физическая культура", 4 }, { "Информатика", 2 },
                { "Физика", 2 }, { "Химия, Биология", 1 }, { "Биология", 1 }, { "География", 1 }, { "Немецкий язык", 1 }, { "Музыка", 1 },
                { "Изобразительное искусство", 1 }, { "Технология", 2 }, { "ОБЗР", 1 } };
        int n = 0;
        for (Object[] p : profiles) {
            for (int i = 0; i < (int) p[1]; i++) {
                out.add(new DemoTimetableGenerator.Teacher(String.format("T-%04d", ++n), List.of(((String) p[0]).split(", "))));
            }
        }
        return out;
    }

    @Test
    void everyClassGetsItsCurriculumWithoutAnyConflict() {
        var result = DemoTimetableGenerator.generate(20_260_902L, classes(), teachers(), 5, 7);
        assertEquals(0, result.dropped(), "every curriculum hour is placed");
        List<TimetableEntry> entries = new ArrayList<>();
        for (var r : result.rows()) {
            entries.add(new TimetableEntry("e" + entries.size(), "s", 2026, r.className(), null, r.subject(), r.teacherCode(), r.room(),
                    DayOfWeek.of(r.day()), r.lesson(), LocalDate.of(2026, 9, 1), null, "ALL"));
        }
        for (int i = 0; i < entries.size(); i++) {
            Optional<TimetableEntry> clash = TimetableRules.conflict(entries.get(i), entries.subList(0, i), g -> null);
            assertTrue(clash.isEmpty(), entries.get(i) + " clashes with " + clash);
        }
        for (var c : classes()) {
            Map<String, Integer> hours = new HashMap<>();
            Map<Integer, List<Integer>> days = new HashMap<>();
            result.rows().stream().filter(r -> r.className().equals(c.name())).forEach(r -> {
                hours.merge(r.subject(), 1, Integer::sum);
                days.computeIfAbsent(r.day(), d -> new ArrayList<>()).add(r.lesson());
            });
            assertEquals(DemoTimetableGenerator.curriculum(c.grade()), new java.util.LinkedHashMap<>(hours).entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), c.name());
            days.values().forEach(l -> {
                // Compact days: lessons 1..n without gaps.
                assertEquals(l.size(), l.stream().mapToInt(Integer::intValue).max().orElse(0), c.name() + " has a gap: " + l);
            });
            if (c.grade() <= 4) {
                assertTrue(result.rows().stream().filter(r -> r.className().equals(c.name()) && r.subject().equals("Математика"))
                        .allMatch(r -> r.teacherCode().equals(c.classTeacherCode())), "primary classes learn the core subjects from their teacher");
            }
        }
    }

    @Test
    void isDeterministicAndWritesTheImportFormat() {
        var a = DemoTimetableGenerator.generate(7, classes(), teachers(), 5, 7);
        var b = DemoTimetableGenerator.generate(7, classes(), teachers(), 5, 7);
        assertEquals(a, b);
        String csv = DemoTimetableGenerator.csv(a.rows());
        assertTrue(csv.startsWith("Класс;Группа;Предмет;Учитель;Кабинет;День недели;Урок;Действует с;Действует по;Недели\n1А;;"), csv);
        assertEquals(a.rows().size() + 1, csv.lines().count());
    }
}
