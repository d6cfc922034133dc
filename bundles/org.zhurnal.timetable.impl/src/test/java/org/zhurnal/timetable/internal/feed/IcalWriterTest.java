package org.zhurnal.timetable.internal.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhurnal.timetable.api.Lesson;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;

class IcalWriterTest {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final LocalDate MON = LocalDate.of(2026, 11, 2);
    static final Instant NOW = Instant.parse("2026-10-30T09:00:00Z");
    static final Map<String, String> PEOPLE = Map.of("belova", "Белова Ирина Сергеевна", "smirnova", "Смирнова Анна Павловна");
    static final IcalWriter.Names NAMES = new IcalWriter.Names() {
        @Override
        public String classOrGroup(Lesson l) {
            return l.classId() != null ? "5А" : null;
        }

        @Override
        public String person(String id) {
            return PEOPLE.get(id);
        }
    };

    @BeforeAll
    static void noNetwork() {
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }

    static Lesson lesson(String entry, LocalDate date, int no, String status, String teacher, String regular, String room, String reason,
            int revision) {
        return new Lesson(Lesson.occurrenceId(entry, date), entry, date, no, LocalTime.of(8, 30).plusMinutes(55L * (no - 1)),
                LocalTime.of(9, 15).plusMinutes(55L * (no - 1)), "Математика", "c5a", null, teacher, room, status, regular, reason, revision);
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static VEvent byUid(Calendar cal, String uid) {
        return cal.<VEvent>getComponents(Component.VEVENT).stream().filter(e -> e.getUid().getValue().equals(uid)).findFirst().orElseThrow();
    }

    @Test
    void oneEventPerLessonWithStableUidLocalTimeAndZone() throws Exception {
        List<Lesson> lessons = List.of(lesson("e1", MON, 1, Lesson.SCHEDULED, "belova", "belova", "12", null, 0),
                lesson("e2", MON, 2, Lesson.SCHEDULED, "belova", "belova", null, null, 0));
        String ics = new IcalWriter().write("Расписание 5А", MOSCOW, NOW, lessons, NAMES);
        assertTrue(ics.contains("\r\n"), "CRLF line ends");
        Calendar cal = parse(ics);
        cal.validate();
        assertEquals(IcalWriter.PRODID, cal.getProductId().getValue());
        assertEquals("2.0", cal.getVersion().getValue());
        assertEquals("Расписание 5А", cal.getProperty("X-WR-CALNAME").getValue());
        assertNotNull(cal.getComponent(Component.VTIMEZONE), "the zone is defined in the document");
        assertEquals(2, cal.getComponents(Component.VEVENT).size());
        VEvent first = byUid(cal, "e1:2026-11-02@zhurnal");
        assertEquals("Математика (5А)", first.getSummary().getValue());
        assertEquals("Кабинет 12", first.getLocation().getValue());
        assertEquals("0", first.getSequence().getValue());
        assertEquals("CONFIRMED", first.getStatus().getValue());
        TzId tzid = first.getStartDate().getParameter(net.fortuna.ical4j.model.Parameter.TZID);
        assertEquals("Europe/Moscow", tzid.getValue());
        assertEquals("20261102T083000", first.getStartDate().getValue());
        assertEquals("20261102T091500", first.getEndDate().getValue());
        // 08:30 in Moscow is 05:30 UTC (UTC+3 since 2014).
        assertEquals(Instant.parse("2026-11-02T05:30:00Z"), first.getStartDate().getDate().toInstant());
        assertEquals("20261030T090000Z", first.getProperty(Property.DTSTAMP).getValue());
        assertTrue(first.getDescription().getValue().contains("Белова Ирина Сергеевна"));
        assertNull(byUid(cal, "e2:2026-11-02@zhurnal").getLocation());
    }

    @Test
    void substitutionBumpsSequenceAndNamesBothTeachers() throws Exception {
        Lesson sub = lesson("e1", MON, 1, Lesson.SUBSTITUTED, "smirnova", "belova", "21", "болезнь учителя", 1);
        Calendar cal = parse(new IcalWriter().write("x", MOSCOW, NOW, List.of(sub), NAMES));
        VEvent e = byUid(cal, "e1:2026-11-02@zhurnal");
        assertEquals("1", e.getSequence().getValue());
        assertEquals("CONFIRMED", e.getStatus().getValue());
        assertEquals("Кабинет 21", e.getLocation().getValue());
        String d = e.getDescription().getValue();
        assertTrue(d.contains("Учитель: Смирнова Анна Павловна (замена; по расписанию: Белова Ирина Сергеевна)"), d);
        assertTrue(d.contains("Причина: болезнь учителя"), d);
    }

    @Test
    void roomOnlyChangeSaysSo() {
        Lesson moved = lesson("e1", MON, 1, Lesson.SUBSTITUTED, "belova", "belova", "30", "ремонт", 2);
        String d = IcalWriter.description(moved, NAMES);
        assertTrue(d.contains("Учитель: Белова Ирина Сергеевна\n"), d);
        assertTrue(d.contains("Перенос в кабинет 30"), d);
        assertFalse(d.contains("замена"), d);
    }

    @Test
    void cancelledLessonStaysAsCancelledEvent() throws Exception {
        Lesson cancelled = lesson("e3", MON.plusDays(4), 7, Lesson.CANCELLED, "belova", "belova", "15", "карантин", 1);
        Calendar cal = parse(new IcalWriter().write("x", MOSCOW, NOW, List.of(cancelled), NAMES));
        VEvent e = byUid(cal, "e3:2026-11-06@zhurnal");
        assertEquals("CANCELLED", e.getStatus().getValue());
        assertEquals("1", e.getSequence().getValue());
        assertTrue(e.getDescription().getValue().startsWith("Урок отменён\nУрок 7"), e.getDescription().getValue());
        assertTrue(e.getDescription().getValue().contains("Причина: карантин"));
    }

    @Test
    void otherZonesAndUnknownNames() throws Exception {
        Lesson l = lesson("e1", MON, 1, Lesson.SCHEDULED, "nobody", "nobody", null, null, 0);
        Calendar cal = parse(new IcalWriter().write("x", ZoneId.of("Asia/Yekaterinburg"), NOW, List.of(l), NAMES));
        VEvent e = byUid(cal, "e1:2026-11-02@zhurnal");
        assertEquals("Asia/Yekaterinburg", ((TzId) e.getStartDate().getParameter(net.fortuna.ical4j.model.Parameter.TZID)).getValue());
        assertEquals(Instant.parse("2026-11-02T03:30:00Z"), e.getStartDate().getDate().toInstant());
        assertTrue(e.getDescription().getValue().contains("Учитель: nobody"));
        // A zone id ical4j has no definition for is written in UTC, still at the right instant.
        Calendar utc = parse(new IcalWriter().write("x", ZoneId.of("UTC"), NOW, List.of(l), NAMES));
        VEvent u = byUid(utc, "e1:2026-11-02@zhurnal");
        assertEquals(Instant.parse("2026-11-02T08:30:00Z"), u.getStartDate().getDate().toInstant());
    }
}
