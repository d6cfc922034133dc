package org.zhurnal.core.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ClockImplTest {
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    static ClockImpl.Config config(String zone, String fixedInstant, long offsetSeconds) {
        return new ClockImpl.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClockImpl.Config.class;
            }

            @Override
            public String zone() {
                return zone;
            }

            @Override
            public String fixedInstant() {
                return fixedInstant;
            }

            @Override
            public long offsetSeconds() {
                return offsetSeconds;
            }
        };
    }

    @Test
    void fixedInstantStandsStill() throws InterruptedException {
        ClockImpl clock = new ClockImpl(config("Europe/Moscow", "2026-09-01T05:00:00Z", 0));
        Instant expected = Instant.parse("2026-09-01T05:00:00Z");
        assertEquals(expected, clock.now());
        Thread.sleep(5);
        assertEquals(expected, clock.now());
        assertEquals(MOSCOW, clock.zone());
        assertEquals(LocalDate.of(2026, 9, 1), clock.today());
    }

    @Test
    void todayIsTheDateInTheConfiguredZoneNotInUtc() {
        ClockImpl clock = new ClockImpl(config("Europe/Moscow", "2026-08-31T22:30:00Z", 0));
        // 22:30 UTC on 31 August is 01:30 on 1 September in Moscow (UTC+3).
        assertEquals(LocalDate.of(2026, 9, 1), clock.today());

        ClockImpl utc = new ClockImpl(config("UTC", "2026-08-31T22:30:00Z", 0));
        assertEquals(LocalDate.of(2026, 8, 31), utc.today());
    }

    @Test
    void offsetShiftsAFixedInstant() {
        ClockImpl clock = new ClockImpl(config("Europe/Moscow", "2026-09-01T05:00:00Z", 3600));
        assertEquals(Instant.parse("2026-09-01T06:00:00Z"), clock.now());

        ClockImpl back = new ClockImpl(config("Europe/Moscow", "2026-09-01T05:00:00Z", -86400));
        assertEquals(Instant.parse("2026-08-31T05:00:00Z"), back.now());
        assertEquals(LocalDate.of(2026, 8, 31), back.today());
    }

    @Test
    void offsetShiftsTheSystemClock() {
        ClockImpl clock = new ClockImpl(config("Europe/Moscow", "", 3600));
        Duration ahead = Duration.between(Instant.now(), clock.now());
        assertTrue(ahead.compareTo(Duration.ofSeconds(3590)) > 0 && ahead.compareTo(Duration.ofSeconds(3610)) < 0,
                "expected about one hour ahead, was " + ahead);
    }

    @Test
    void blankFixedInstantFollowsTheSystemClock() throws InterruptedException {
        ClockImpl clock = new ClockImpl(config("Europe/Moscow", "  ", 0));
        Instant before = Instant.now();
        Instant now = clock.now();
        assertTrue(Duration.between(before, now).abs().compareTo(Duration.ofSeconds(5)) < 0, "now() = " + now);
        Thread.sleep(20);
        assertTrue(clock.now().isAfter(now), "system clock must move");
    }

    @Test
    void asClockFollowsLaterReconfiguration() {
        ClockImpl clock = new ClockImpl(config("Europe/Moscow", "2026-09-01T05:00:00Z", 0));
        Clock view = clock.asClock();
        assertEquals(Instant.parse("2026-09-01T05:00:00Z"), view.instant());
        assertEquals(MOSCOW, view.getZone());

        clock.modified(config("Asia/Yekaterinburg", "2027-01-15T10:00:00Z", 60));

        assertEquals(Instant.parse("2027-01-15T10:01:00Z"), view.instant());
        assertEquals(ZoneId.of("Asia/Yekaterinburg"), view.getZone());
        assertEquals(Instant.parse("2027-01-15T10:01:00Z").toEpochMilli(), view.millis());
        assertEquals(LocalDate.of(2027, 1, 15), LocalDate.now(view));
    }

    @Test
    void asClockWithZoneKeepsTheInstant() {
        ClockImpl clock = new ClockImpl(config("Europe/Moscow", "2026-09-01T05:00:00Z", 0));
        Clock utc = clock.asClock().withZone(ZoneId.of("UTC"));
        assertEquals(ZoneId.of("UTC"), utc.getZone());
        assertEquals(Instant.parse("2026-09-01T05:00:00Z"), utc.instant());
    }

    @Test
    void invalidConfigurationIsRejected() {
        assertThrows(RuntimeException.class, () -> new ClockImpl(config("Mars/Olympus", "", 0)));
        assertThrows(RuntimeException.class, () -> new ClockImpl(config("Europe/Moscow", "1 September", 0)));
    }

    @Test
    void failedReconfigurationKeepsThePreviousClock() {
        ClockImpl clock = new ClockImpl(config("Europe/Moscow", "2026-09-01T05:00:00Z", 0));
        assertThrows(RuntimeException.class, () -> clock.modified(config("Europe/Moscow", "not an instant", 0)));
        assertEquals(Instant.parse("2026-09-01T05:00:00Z"), clock.now());
        assertEquals(MOSCOW, clock.zone());
    }
}
