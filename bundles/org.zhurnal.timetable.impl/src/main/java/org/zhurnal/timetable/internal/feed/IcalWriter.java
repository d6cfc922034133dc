package org.zhurnal.timetable.internal.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateTime;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

import org.zhurnal.timetable.api.Lesson;

/**
 * Turns lessons into an iCalendar (RFC 5545) document with ical4j 3. Pure: no services, no I/O besides the
 * zone definitions ical4j ships in its jar. One event per lesson occurrence:
 * <ul>
 * <li>UID {@code occurrenceId@zhurnal}: the same lesson keeps its UID across fetches and changes;</li>
 * <li>SEQUENCE the lesson's revision, so a substitution or a cancellation replaces the earlier version;</li>
 * <li>STATUS CONFIRMED, or CANCELLED for a cancelled lesson (the event stays, marked cancelled);</li>
 * <li>DTSTART/DTEND as wall-clock times of the bell schedule with the TZID of the school's zone and the
 * matching VTIMEZONE; a zone ical4j does not know is written in UTC instead.</li>
 * </ul>
 * The text shown in calendar apps (description labels) is Russian, like the rest of the user interface.
 * <p>Thread-safe: holds only the zone registry.
 */
public final class IcalWriter {
    public static final String PRODID = "-//Zhurnal//Timetable feed 1.0//RU";
    public static final String UID_SUFFIX = "@zhurnal";

    /** Names shown in the events; each returns {@code null} when unknown. */
    public interface Names {
        /** @return the name of the lesson's class or group, e.g. «5А» or «Английский, группа 1» */
        String classOrGroup(Lesson lesson);

        /** @return a person's full name */
        String person(String personId);
    }

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /**
     * @param calendarName shown by calendar apps as the calendar's name (X-WR-CALNAME)
     * @param zone the school's zone: DTSTART/DTEND carry its TZID
     * @param stamp when the document is generated (DTSTAMP of every event)
     * @param lessons the lessons, in any order
     * @return the serialised VCALENDAR, CRLF line ends
     */
    public String write(String calendarName, ZoneId zone, Instant stamp, List<Lesson> lessons, Names names) {
        TimeZone tz = zones.getTimeZone(zone.getId());
        Calendar cal = new Calendar();
        cal.getProperties().add(new ProdId(PRODID));
        cal.getProperties().add(Version.VERSION_2_0);
        cal.getProperties().add(CalScale.GREGORIAN);
        cal.getProperties().add(Method.PUBLISH);
        cal.getProperties().add(new XProperty("X-WR-CALNAME", calendarName));
        cal.getProperties().add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        // Ask subscribing apps to poll hourly: substitutions are usually entered the same morning.
        cal.getProperties().add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        if (tz != null) {
            cal.getComponents().add(tz.getVTimeZone());
        }
        DtStamp dtStamp = new DtStamp(new DateTime(stamp.toEpochMilli()));
        for (Lesson l : lessons) {
            cal.getComponents().add(event(l, zone, tz, dtStamp, names));
        }
        StringWriter out = new StringWriter(1024 + lessons.size() * 400);
        try {
            // Not validating: the events are built here from checked data; the unit tests validate.
            new CalendarOutputter(false).output(cal, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** @return the event of one lesson */
    VEvent event(Lesson l, ZoneId zone, TimeZone tz, DtStamp stamp, Names names) {
        String group = names.classOrGroup(l);
        VEvent e = new VEvent(time(l.date(), l.start(), zone, tz), time(l.date(), l.end(), zone, tz),
                group == null ? l.subject() : l.subject() + " (" + group + ")");
        // VEvent(start, end, summary) adds DTSTART, DTEND and SUMMARY; replace its own DTSTAMP with ours.
        e.getProperties().remove(e.getProperty(net.fortuna.ical4j.model.Property.DTSTAMP));
        e.getProperties().add(stamp);
        e.getProperties().add(new Uid(l.occurrenceId() + UID_SUFFIX));
        e.getProperties().add(new Sequence(l.revision()));
        e.getProperties().add(l.cancelled() ? Status.VEVENT_CANCELLED : Status.VEVENT_CONFIRMED);
        if (l.room() != null) {
            e.getProperties().add(new Location("Кабинет " + l.room()));
        }
        e.getProperties().add(new Description(description(l, names)));
        return e;
    }

    /** @return «Урок N», the teacher (with the substituted one), the change's reason; lines joined by \n */
    static String description(Lesson l, Names names) {
        List<String> lines = new ArrayList<>();
        if (l.cancelled()) {
            lines.add("Урок отменён");
        }
        lines.add("Урок " + l.lessonNumber());
        String teacher = nameOr(names.person(l.teacherId()), l.teacherId());
        if (Lesson.SUBSTITUTED.equals(l.status()) && l.regularTeacherId() != null && !l.regularTeacherId().equals(l.teacherId())) {
            lines.add("Учитель: " + teacher + " (замена; по расписанию: " + nameOr(names.person(l.regularTeacherId()), l.regularTeacherId()) + ")");
        } else {
            lines.add("Учитель: " + teacher);
        }
        if (Lesson.SUBSTITUTED.equals(l.status()) && l.regularTeacherId() != null && l.regularTeacherId().equals(l.teacherId())) {
            lines.add("Перенос в кабинет " + l.room());
        }
        if (l.changeReason() != null) {
            lines.add("Причина: " + l.changeReason());
        }
        return String.join("\n", lines);
    }

    private static String nameOr(String name, String fallback) {
        return name != null ? name : fallback;
    }

    private static DateTime time(LocalDate date, LocalTime time, ZoneId zone, TimeZone tz) {
        if (tz == null) {
            DateTime utc = new DateTime(date.atTime(time).atZone(zone).toInstant().toEpochMilli());
            utc.setUtc(true);
            return utc;
        }
        // The wall time of the bell schedule, resolved with ical4j's own definition of the zone (the VTIMEZONE
        // written into the document), so DTSTART shows exactly the bell time. Cheaper than parsing a string.
        java.util.Calendar wall = java.util.Calendar.getInstance(tz);
        wall.clear();
        wall.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond());
        DateTime local = new DateTime(wall.getTimeInMillis());
        local.setTimeZone(tz);
        return local;
    }
}
