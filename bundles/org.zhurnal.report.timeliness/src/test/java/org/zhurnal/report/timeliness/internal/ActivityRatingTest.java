package org.zhurnal.report.timeliness.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ActivityRatingTest {

    @Test
    void theFormulaOnAHandMadeMunicipality() {
        // X: T = 8/10, D = 3/4, A = 6/10, C = 2/4 → 40·0.8 + 30·0.75 + 15·0.6 + 15·0.5 = 32 + 22.5 + 9 + 7.5 = 71.0
        var x = new ActivityRating.Input("x", "Школа X", 10, 8, 4, 3, 10, 6, 2);
        // Y: T = 5/5, D = 0/4, A = 10/10, C = 4/4 → 40 + 0 + 15 + 15 = 70.0
        var y = new ActivityRating.Input("y", "Школа Y", 5, 5, 4, 0, 10, 10, 4);
        // Z: nothing to count: every share without a base is 0 → 0.0
        var z = new ActivityRating.Input("z", "Школа Z", 0, 0, 0, 0, 0, 0, 0);
        // W: T = 2/3, D = 1/3, A = 1/3, C = 2/3 → 26.666… + 10 + 5 + 10 = 51.666… → 51.7 (rounded once, at the end)
        var w = new ActivityRating.Input("w", "Школа W", 3, 2, 3, 1, 3, 1, 2);
        // V: a lower T than X but every family reached
        var v = new ActivityRating.Input("v", "Школа V", 10, 7, 4, 4, 10, 6, 2); // 28 + 30 + 9 + 7.5 = 74.5
        assertEquals(new BigDecimal("71.0"), ActivityRating.rating(x));
        assertEquals(new BigDecimal("70.0"), ActivityRating.rating(y));
        assertEquals(new BigDecimal("0.0"), ActivityRating.rating(z));
        assertEquals(new BigDecimal("51.7"), ActivityRating.rating(w));
        assertEquals(new BigDecimal("74.5"), ActivityRating.rating(v));

        List<ActivityRating.Result> ranked = ActivityRating.rank(List.of(z, y, w, x, v));
        assertEquals(List.of("v", "x", "y", "w", "z"), ranked.stream().map(r -> r.input().schoolId()).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), ranked.stream().map(ActivityRating.Result::place).toList());
        ActivityRating.Result rx = ranked.get(1);
        assertEquals(new BigDecimal("80.0"), rx.timeliness());
        assertEquals(new BigDecimal("75.0"), rx.diary());
        assertEquals(new BigDecimal("60.0"), rx.accounts());
        assertEquals(new BigDecimal("50.0"), rx.consents());
        assertNull(ranked.get(4).timeliness());
        assertEquals(new BigDecimal("0.0"), ranked.get(4).rating());
    }

    @Test
    void equalRatingsShareAPlaceAndTheBetterJournalComesFirst() {
        // A: T = 1, D = 0, A = 0, C = 0 → 40.0; B: T = 0, D = 1, A = 2/3, C = 0 → 30 + 10 = 40.0
        var a = new ActivityRating.Input("a", "Школа А", 4, 4, 2, 0, 3, 0, 0);
        var b = new ActivityRating.Input("b", "Школа Б", 4, 0, 2, 2, 3, 2, 0);
        var c = new ActivityRating.Input("c", "Школа В", 4, 1, 2, 0, 3, 0, 0); // 10.0
        List<ActivityRating.Result> ranked = ActivityRating.rank(List.of(b, c, a));
        assertEquals(List.of("a", "b", "c"), ranked.stream().map(r -> r.input().schoolId()).toList());
        assertEquals(List.of(1, 1, 3), ranked.stream().map(ActivityRating.Result::place).toList());
        assertEquals(new BigDecimal("40.0"), ranked.get(1).rating());
        assertEquals(new BigDecimal("10.0"), ranked.get(2).rating());
    }
}
