package org.zhurnal.diary.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.DayOff;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.diary.api.DiaryAbsence;
import org.zhurnal.diary.api.DiaryDay;
import org.zhurnal.diary.api.DiaryGrade;
import org.zhurnal.diary.api.DiaryLesson;
import org.zhurnal.diary.api.DiaryMark;
import org.zhurnal.diary.api.DiaryPeriod;
import org.zhurnal.diary.api.DiaryQuery;
import org.zhurnal.diary.api.DiarySubject;
import org.zhurnal.diary.api.DiaryWeek;
import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.Forecast;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.gradebook.api.JournalLesson;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.TimetableQuery;

/**
 * Assembles the diary from the other modules' query services: the timetable's lesson occurrences (substitutions
 * and cancellations included), the calendar's days off, the journal's topics, homework, marks (family view only)
 * and attendance, and the gradebook's own forecast. Nothing here computes a grade.
 */
@Component(service = DiaryQuery.class)
public class DiaryQueryImpl implements DiaryQuery {
    /** Teacher names change rarely; a short cache saves a roster read per lesson. */
    private static final long NAME_TTL_MILLIS = 5 * 60_000;

    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final TimetableQuery timetable;
    private final GradebookQuery gradebook;
    private final Visits visits;
    private final WeekCache cache;
    private final Map<String, CachedName> names = new ConcurrentHashMap<>();

    private record CachedName(String name, long expires) {
    }

    @Activate
    public DiaryQueryImpl(@Reference RosterQuery roster, @Reference CalendarQuery calendar, @Reference TimetableQuery timetable,
            @Reference GradebookQuery gradebook, @Reference Visits visits, @Reference WeekCache cache) {
        this.visits = visits;
        this.cache = cache;
        this.roster = roster;
        this.calendar = calendar;
        this.timetable = timetable;
        this.gradebook = gradebook;
    }

    @Override
    public Optional<DiaryWeek> week(String studentId, LocalDate day) {
        if (studentId == null || day == null) {
            return Optional.empty();
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return cache.week(studentId, monday, () -> assembleWeek(studentId, monday));
    }

    private Optional<DiaryWeek> assembleWeek(String studentId, LocalDate day) {
        Optional<Person> student = roster.person(studentId);
        if (student.isEmpty() || day == null) {
            return Optional.empty();
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        SchoolClass schoolClass = classOn(studentId, monday, sunday);
        List<DayOff> daysOff = schoolClass == null ? List.of()
                : calendar.daysOff(student.get().schoolId(), schoolClass.grade(), monday, sunday);

        List<Lesson> lessons = timetable.forStudent(studentId, monday, sunday);
        Map<String, JournalLesson> journal = lessons.isEmpty() ? Map.of()
                : gradebook.lessons(lessons.stream().map(Lesson::occurrenceId).toList()).stream()
                        .collect(Collectors.toMap(JournalLesson::occurrenceId, j -> j, (a, b) -> a));
        Map<String, List<DiaryMark>> marks = new HashMap<>();
        for (Mark m : gradebook.marksOfStudent(studentId, monday, sunday, true)) {
            if (m.visibleToFamily()) { // the family view already leaves them out; never rely on one check alone
                marks.computeIfAbsent(m.occurrenceId(), k -> new ArrayList<>()).add(mark(m));
            }
        }
        Map<String, Attendance> attendance = gradebook.attendanceOfStudent(studentId, monday, sunday).stream()
                .collect(Collectors.toMap(Attendance::occurrenceId, a -> a, (a, b) -> a));

        Map<LocalDate, List<DiaryLesson>> byDay = new LinkedHashMap<>();
        for (Lesson l : lessons) {
            JournalLesson j = journal.get(l.occurrenceId());
            Attendance a = attendance.get(l.occurrenceId());
            byDay.computeIfAbsent(l.date(), d -> new ArrayList<>()).add(new DiaryLesson(l.occurrenceId(), l.lessonNumber(), l.start(), l.end(),
                    l.subject(), teacherName(l.teacherId()), l.room(), l.status(), l.changeReason(), j == null ? null : j.topic(),
                    j == null ? null : j.homework(), j == null ? List.of() : j.homeworkLinks(), j == null ? null : j.comment(),
                    marks.getOrDefault(l.occurrenceId(), List.of()),
                    a == null ? null : new DiaryAbsence(a.code(), a.category(), a.lateMinutes())));
        }
        List<DiaryDay> days = new ArrayList<>(7);
        for (LocalDate d = monday; !d.isAfter(sunday); d = d.plusDays(1)) {
            LocalDate date = d;
            String off = daysOff.stream().filter(x -> !date.isBefore(x.start()) && !date.isAfter(x.end())).map(DayOff::name).findFirst()
                    .orElse(null);
            List<DiaryLesson> ofDay = new ArrayList<>(byDay.getOrDefault(d, List.of()));
            ofDay.sort(Comparator.comparingInt(DiaryLesson::number));
            days.add(new DiaryDay(d, off, ofDay));
        }
        Person p = student.get();
        return Optional.of(new DiaryWeek(studentId, p.lastName() + " " + p.firstName(), schoolClass == null ? null : schoolClass.name(),
                monday, sunday, days));
    }

    @Override
    public Optional<DiaryPeriod> period(String studentId, LocalDate day) {
        Optional<Person> student = roster.person(studentId);
        if (student.isEmpty() || day == null) {
            return Optional.empty();
        }
        SchoolClass schoolClass = classOn(studentId, day, day);
        if (schoolClass == null) {
            return Optional.empty();
        }
        Optional<ReportingPeriod> found = calendar.periodOf(student.get().schoolId(), schoolClass.grade(), day);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ReportingPeriod period = found.get();
        // Every subject the student has lessons or marks in during the period.
        TreeSet<String> subjects = new TreeSet<>();
        timetable.forStudent(studentId, period.start(), period.end()).forEach(l -> subjects.add(l.subject()));
        gradebook.marksOfStudent(studentId, period.start(), period.end(), true).forEach(m -> subjects.add(m.subject()));
        List<DiarySubject> rows = new ArrayList<>();
        for (String subject : subjects) {
            Optional<Forecast> f = gradebook.forecast(studentId, subject, period.id(), true);
            if (f.isEmpty()) {
                continue;
            }
            Forecast x = f.get();
            rows.add(new DiarySubject(subject, x.schemeId(), x.marks().stream().filter(Mark::visibleToFamily).map(DiaryQueryImpl::mark).toList(),
                    x.average(), x.suggested(), x.reason(), x.confirmed() == null ? null : x.confirmed().value(), x.notShown()));
        }
        List<DiaryGrade> grades = gradebook.finalsOfStudent(studentId, schoolClass.academicYear()).stream()
                .map(g -> new DiaryGrade(g.subject(), g.kind(), g.periodId(), g.value(), g.confirmedAt(),
                        g.periodId() == null ? null : calendar.period(g.periodId()).map(ReportingPeriod::name).orElse(null)))
                .sorted(Comparator.comparing(DiaryGrade::subject).thenComparing(g -> kindOrder(g.kind()))).toList();
        Person p = student.get();
        return Optional.of(new DiaryPeriod(studentId, p.lastName() + " " + p.firstName(), period.id(), period.name(), period.start(),
                period.end(), rows, grades));
    }

    @Override
    public List<org.zhurnal.diary.api.FamilyReach> reach(java.util.Collection<String> studentIds, LocalDate from, LocalDate to) {
        return visits.reach(studentIds, from, to);
    }

    private static int kindOrder(String kind) {
        return switch (kind) {
            case FinalGrade.PERIOD -> 0;
            case FinalGrade.YEAR -> 1;
            case FinalGrade.EXAM -> 2;
            default -> 3;
        };
    }

    /** The student's class during the range (the latest one on a mid-week transfer), or {@code null}. */
    private SchoolClass classOn(String studentId, LocalDate from, LocalDate to) {
        List<SchoolClass> classes = roster.classesOfStudent(studentId, to);
        if (classes.isEmpty()) {
            classes = roster.classesOfStudent(studentId, from);
        }
        return classes.isEmpty() ? null : classes.get(0);
    }

    static DiaryMark mark(Mark m) {
        return new DiaryMark(m.id(), m.value(), m.schemeId(), m.workType(), m.weight(), m.workDate(), m.comment(), m.counts());
    }

    /** «Белова И. С.» */
    String teacherName(String teacherId) {
        if (teacherId == null) {
            return null;
        }
        long now = System.currentTimeMillis();
        CachedName c = names.get(teacherId);
        if (c != null && c.expires() > now) {
            return c.name();
        }
        String name = roster.person(teacherId).map(DiaryQueryImpl::shortName).orElse(null);
        names.put(teacherId, new CachedName(name, now + NAME_TTL_MILLIS));
        return name;
    }

    static String shortName(Person p) {
        StringBuilder b = new StringBuilder(p.lastName());
        if (p.firstName() != null && !p.firstName().isBlank()) {
            b.append(' ').append(p.firstName().charAt(0)).append('.');
        }
        if (p.middleName() != null && !p.middleName().isBlank()) {
            b.append(' ').append(p.middleName().charAt(0)).append('.');
        }
        return b.toString();
    }
}
