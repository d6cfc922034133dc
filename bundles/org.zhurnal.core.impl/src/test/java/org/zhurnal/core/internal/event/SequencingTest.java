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

    @Test
    void aBatchRowTakesThePositionOfItsLastEventAndIsUpdatedOnItsOwn() {
        Runs runs = new Runs();
        // 10, 11 single; 12 a batch of 5; 13, 14 single; 15 a batch of 3 right after another batch 16 of 2.
        long last = EventDispatcher.assign(List.of(10L, 11L, 12L, 13L, 14L, 15L, 16L), List.of(1, 1, 5, 1, 1, 3, 2), 100, runs);
        // 10→101, 11→102; 12→107 (its events 103–107); 13→108, 14→109; 15→112 (110–112); 16→114 (113–114)
        assertEquals(114, last);
        assertEquals(List.of(List.of(10L, 11L, 91L), List.of(12L, 12L, 95L), List.of(13L, 14L, 95L), List.of(15L, 15L, 97L),
                List.of(16L, 16L, 98L)), runs.calls);
    }

    @Test
    void theEventsOfABatchRowGetThePositionsUpToTheRows() {
        org.zhurnal.core.internal.entity.EventEntity row = new org.zhurnal.core.internal.entity.EventEntity();
        row.setSerial(12);
        row.setPos(107L);
        row.setBatchSize(3);
        row.setEventType(EventBatch.TYPE);
        row.setActorId("acc-1");
        row.setOccurredAt(1_700_000_000_000L);
        row.setPayload(EventBatch.encode(List.of(new EventBatch.Part("a", "gradebook.mark.recorded", "s1", "{\"v\":\"5\"}"),
                new EventBatch.Part("b", "gradebook.absence.recorded", "s1", "{\"c\":\"н\"}"),
                new EventBatch.Part("c", "gradebook.homework.posted", "s2", "\"text\""))));
        List<org.zhurnal.core.api.event.DomainEvent> events = EventBatch.events(row);
        assertEquals(List.of(105L, 106L, 107L), events.stream().map(org.zhurnal.core.api.event.DomainEvent::position).toList());
        assertEquals(List.of("a", "b", "c"), events.stream().map(org.zhurnal.core.api.event.DomainEvent::id).toList());
        assertEquals("gradebook.absence.recorded", events.get(1).type());
        assertEquals("{\"c\":\"н\"}", events.get(1).payload());
        assertEquals("s2", events.get(2).schoolId());
        assertEquals("acc-1", events.get(2).actorId());
        row.setBatchSize(4);
        assertThrows(IllegalStateException.class, () -> EventBatch.events(row));
    }
}
