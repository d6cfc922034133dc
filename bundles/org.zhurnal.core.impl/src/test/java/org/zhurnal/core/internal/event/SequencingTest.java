package org.zhurnal.core.internal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SequencingTest {
    /** Records each run update and answers as many changed rows as the run holds. */
    private static final class Runs implements EventDispatcher.RunUpdate {
        final List<List<Long>> calls = new ArrayList<>();

        @Override
        public int apply(long from, long to, long offset) {
            calls.add(List.of(from, to, offset));
            return (int) (to - from + 1);
        }
    }

    @Test
    void consecutiveSerialsArePositionedByOneUpdatePerRunInSerialOrder() {
        Runs runs = new Runs();
        // 10–12 committed, 13 not yet (a gap), 14, then 20–21.
        long last = EventDispatcher.assign(List.of(10L, 11L, 12L, 14L, 20L, 21L), 100, runs);
        assertEquals(106, last);
        // pos = serial + offset: 10→101, 11→102, 12→103; 14→104; 20→105, 21→106
        assertEquals(List.of(List.of(10L, 12L, 91L), List.of(14L, 14L, 90L), List.of(20L, 21L, 85L)), runs.calls);
        assertEquals(7, EventDispatcher.assign(List.of(), 7, runs));
        assertEquals(3, runs.calls.size());
    }

    @Test
    void serialsBeyondTheBoxCacheAreComparedByValue() {
        Runs runs = new Runs();
        assertEquals(3, EventDispatcher.assign(List.of(100_000L, 100_001L, 100_002L), 0, runs));
        assertEquals(List.of(List.of(100_000L, 100_002L, -99_999L)), runs.calls);
    }

    @Test
    void aRunThatDoesNotChangeExactlyItsRowsStopsTheRound() {
        assertThrows(IllegalStateException.class, () -> EventDispatcher.assign(List.of(5L, 6L), 0, (from, to, offset) -> 1));
    }
}
