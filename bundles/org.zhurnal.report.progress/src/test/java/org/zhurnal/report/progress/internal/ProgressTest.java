package org.zhurnal.report.progress.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhurnal.gradebook.api.GradeMeaning;
import org.zhurnal.report.progress.internal.Progress.Figures;
import org.zhurnal.report.progress.internal.Progress.Grade;
import org.zhurnal.roster.api.SchoolClass;

class ProgressTest {
    static GradeMeaning five(int v) {
        return new GradeMeaning(Integer.toString(v), (double) v, v >= 3, v);
    }

    static final GradeMeaning PASS = new GradeMeaning("зачёт", null, true, null);
    static final GradeMeaning NA = new GradeMeaning("н/а", null, false, null);

    static Grade g(String student, String subject, GradeMeaning m) {
        return new Grade(student, subject, m.value(), m);
    }

    /** All 5s; a 3; a 2; a 4 and a 5: success 75 %, quality 50 %. */
    static final List<Grade> CASE = List.of(g("a", "М", five(5)), g("a", "Р", five(5)), g("b", "М", five(3)), g("b", "Р", five(5)),
            g("c", "М", five(2)), g("c", "Р", five(5)), g("d", "М", five(4)), g("d", "Р", five(5)));

    @Test
    void successAndQualityFollowTheSchemesMeaning() {
        Figures f = Progress.figures(List.of("a", "b", "c", "d", "e"), List.of("М", "Р"), CASE);
        assertEquals(5, f.students());
        assertEquals(4, f.assessed());
        assertEquals(3, f.successful());
        assertEquals(2, f.quality());
        assertEquals(new BigDecimal("75.0"), f.successRate());
        assertEquals(new BigDecimal("50.0"), f.qualityRate());
        // (5 + 5 + 3 + 5 + 2 + 5 + 4 + 5) / 8
        assertEquals(new BigDecimal("4.25"), f.average());
        assertEquals(List.of(5, 1, 1, 1), List.of(f.fives(), f.fours(), f.threes(), f.twos()));
        // e has no grade in either subject.
        assertEquals(2, f.missing());
    }

    @Test
    void passFailKeepsQualityAndNotAssessedFails() {
        Figures f = Progress.figures(List.of("a", "b"), List.of("М", "Ф"), List.of(g("a", "М", five(4)), g("a", "Ф", PASS), g("b", "М", five(5)),
                g("b", "Ф", NA), new Grade("b", "Х", "?", null)));
        assertEquals(1, f.successful());
        assertEquals(1, f.quality());
        assertEquals(new BigDecimal("50.0"), f.successRate());
        assertEquals(2, f.other());
        assertEquals(new BigDecimal("4.50"), f.average());
        assertEquals(0, f.missing());
    }

    @Test
    void nothingToDivideByIsEmpty() {
        Figures f = Progress.figures(List.of("a"), List.of("М"), List.of());
        assertNull(f.successRate());
        assertNull(f.average());
        assertEquals(1, f.missing());
        assertEquals(new BigDecimal("66.7"), Progress.percent(2, 3));
    }

    @Test
    void theSchoolTotalAddsTheClasses() {
        SchoolClass c = new SchoolClass("c", "s", 2026, 5, "А", null, 5);
        Figures one = Progress.figures(List.of("a", "b", "c", "d"), List.of("М", "Р"), CASE);
        Figures two = Progress.figures(List.of("x"), List.of("М"), List.of(g("x", "М", five(3))));
        Figures t = ClassProgressReport.total(List.of(new ClassProgressReport.ClassFigures(c, one, Map.of()),
                new ClassProgressReport.ClassFigures(c, two, Map.of())));
        assertEquals(5, t.students());
        assertEquals(new BigDecimal("80.0"), t.successRate());
        assertEquals(new BigDecimal("40.0"), t.qualityRate());
        // (34 + 3) / 9
        assertEquals(new BigDecimal("4.11"), t.average());
        assertEquals(3, ClassProgressReport.table(List.of(new ClassProgressReport.ClassFigures(c, one, Map.of("М", two))), t, false).rows().size());
    }
}
