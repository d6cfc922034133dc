package org.zhurnal.gradebook.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.gradebook.api.AbsenceCode;
import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.Forecast;
import org.zhurnal.gradebook.api.GradeMeaning;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.gradebook.api.JournalLesson;
import org.zhurnal.gradebook.api.LessonTimeliness;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.gradebook.api.SchemeInfo;
import org.zhurnal.gradebook.internal.entity.FinalEntity;
import org.zhurnal.gradebook.internal.entity.LessonEntity;
import org.zhurnal.gradebook.spi.MarkUse;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.TimetableQuery;

/** The journal for other modules; no authorization (callers check). */
@Component(service = GradebookQuery.class)
public class GradebookQueryImpl implements GradebookQuery {
    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final GradingSchemes schemes;
    private final Policies policies;
    private final Finals finals;
    private final AbsenceCodes codes;
    private final RosterQuery roster;
    private final TimetableQuery timetable;
    private final LessonContexts contexts;
    private final TimelinessConfig deadlines;

    @Activate
    public GradebookQueryImpl(@Reference(target = "(osgi.unit.name=zhurnal-gradebook)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference GradingSchemes schemes, @Reference Policies policies, @Reference Finals finals, @Reference AbsenceCodes codes,
            @Reference RosterQuery roster, @Reference TimetableQuery timetable, @Reference LessonContexts contexts,
            @Reference TimelinessConfig deadlines, @Reference GradebookSchema schema) {
        this.jpa = jpa;
        this.clock = clock;
        this.schemes = schemes;
        this.policies = policies;
        this.finals = finals;
        this.codes = codes;
        this.roster = roster;
        this.timetable = timetable;
        this.contexts = contexts;
        this.deadlines = deadlines;
    }

    @Override
    public List<SchemeInfo> schemes() {
        return schemes.list();
    }

    @Override
    public List<JournalLesson> lessons(List<String> occurrenceIds) {
        if (occurrenceIds == null || occurrenceIds.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select l from LessonEntity l where l.occurrenceId in :o",
                LessonEntity.class).setParameter("o", InLists.padded(occurrenceIds)).getResultList().stream().map(Mapping::toDTO).toList());
    }

    @Override
    public List<Mark> marksOfStudent(String studentId, LocalDate from, LocalDate to, boolean familyView) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<Object[]> list = em.createQuery("select " + Mapping.MARK_ROW + " from MarkEntity m where m.studentId = :s "
                    + "and m.lessonDate >= :from and m.lessonDate <= :to order by m.lessonDate, m.recordedAt, m.id", Object[].class)
                    .setParameter("s", studentId).setParameter("from", from.toString()).setParameter("to", to.toString()).getResultList();
            Map<String, PolicyConfig.Policy> bySchool = new HashMap<>();
            return list.stream().filter(r -> !familyView || Mapping.familyVisible(r))
                    .map(r -> Mapping.markRow(r, bySchool.computeIfAbsent(Mapping.schoolOf(r), policies::forSchool)::weight)).toList();
        });
    }

    @Override
    public List<Attendance> attendanceOfStudent(String studentId, LocalDate from, LocalDate to) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select " + Mapping.ATTENDANCE_ROW + " from AttendanceEntity a "
                + "where a.studentId = :s and a.lessonDate >= :from and a.lessonDate <= :to order by a.lessonDate", Object[].class)
                .setParameter("s", studentId).setParameter("from", from.toString()).setParameter("to", to.toString()).getResultList()
                .stream().map(Mapping::attendanceRow).toList());
    }

    @Override
    public Optional<Forecast> forecast(String studentId, String subject, String periodId, boolean familyView) {
        return finals.forecast(studentId, subject, periodId, familyView);
    }

    @Override
    public List<FinalGrade> finalsOfStudent(String studentId, int academicYear) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select f from FinalEntity f where f.studentId = :s "
                + "and f.academicYear = :y order by f.subject, f.kind, f.periodKey", FinalEntity.class).setParameter("s", studentId)
                .setParameter("y", academicYear).getResultList().stream().map(Mapping::toDTO).toList());
    }

    @Override
    public List<FinalGrade> finalsOfSchool(String schoolId, int academicYear) {
        if (schoolId == null) {
            return List.of();
        }
        // Columns, not entities (see attendanceOfSchool); the same mapping as Mapping.toDTO(FinalEntity).
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select f.id, f.studentId, f.subject, f.kind, f.periodKey, f.schemeId, "
                + "f.value, f.suggested, f.average, f.confirmedBy, f.confirmedAt from FinalEntity f where f.schoolId = :s "
                + "and f.academicYear = :y order by f.studentId, f.subject, f.kind, f.periodKey", Object[].class).setParameter("s", schoolId)
                .setParameter("y", academicYear).getResultList().stream().map(r -> new FinalGrade((String) r[0], schoolId, (String) r[1],
                        (String) r[2], academicYear, (String) r[3], FinalGrade.PERIOD.equals(r[3]) ? (String) r[4] : null, (String) r[5],
                        (String) r[6], (String) r[7], (java.math.BigDecimal) r[8], (String) r[9],
                        java.time.Instant.ofEpochMilli(((Number) r[10]).longValue()))).toList());
    }

    @Override
    public List<Attendance> attendanceOfSchool(String schoolId, LocalDate from, LocalDate to) {
        if (schoolId == null || from == null || to == null || to.isBefore(from)) {
            return List.of();
        }
        // Columns, not entities: a school's year is tens of thousands of rows, and managed entities cost several times more.
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("select " + Mapping.ATTENDANCE_ROW + " from AttendanceEntity a "
                + "where a.schoolId = :s and a.lessonDate >= :from and a.lessonDate <= :to order by a.lessonDate, a.studentId", Object[].class)
                .setParameter("s", schoolId).setParameter("from", from.toString()).setParameter("to", to.toString()).getResultList().stream()
                .map(Mapping::attendanceRow).toList());
    }

    @Override
    public Optional<GradeMeaning> interpret(String schemeId, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return schemes.get(schemeId).flatMap(s -> s.parse(value, MarkUse.FINAL)).map(v -> new GradeMeaning(v.value(), v.numeric(),
                v.passing(), fivePoint(v.fivePoint())));
    }

    private static Integer fivePoint(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public List<AbsenceCode> absenceCodes(String schoolId) {
        return codes.of(schoolId);
    }

    @Override
    public Deadlines deadlines() {
        return new Deadlines(deadlines.homeworkHours(), deadlines.markDays());
    }

    @Override
    public List<LessonTimeliness> timeliness(String schoolId, LocalDate from, LocalDate to) {
        // A day is judged once it is over: the topic and attendance are due by its end, so today's lessons are not late
        // at 8 a.m. (the «Today» page lists what is still open).
        LocalDate yesterday = clock.today().minusDays(1);
        LocalDate end = to.isAfter(yesterday) ? yesterday : to;
        if (end.isBefore(from)) {
            return List.of();
        }
        // Every lesson of the school in one timetable read (not one per class: that recomputed the calendar and bells
        // for every class). A lesson's class key is its class, a class group's class, or a free-standing group.
        Map<String, String> classOfGroup = new HashMap<>();
        for (int y = RosterQuery.academicYearOf(from); y <= RosterQuery.academicYearOf(end); y++) {
            for (Group g : roster.groups(schoolId, y)) {
                classOfGroup.put(g.id(), g.classId() == null ? g.id() : g.classId());
            }
        }
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        Map<String, String> classOf = new HashMap<>();
        for (Lesson l : timetable.forSchool(schoolId, from, end)) {
            if (!l.cancelled() && lessons.putIfAbsent(l.occurrenceId(), l) == null) {
                classOf.put(l.occurrenceId(), l.classId() != null ? l.classId() : classOfGroup.getOrDefault(l.groupId(), l.groupId()));
            }
        }
        ZoneId zone = contexts.zone(schoolId);
        return jpa.txExpr(TransactionType.Supports, em -> {
            // Projections of the columns the deadlines need, not managed entities (a school's month has thousands of rows).
            Map<String, LessonEntity> recorded = new HashMap<>();
            for (Object[] r : em.createQuery("select l.occurrenceId, l.held, l.topicAt, l.attendanceAt, l.homeworkAt from LessonEntity l "
                    + "where l.schoolId = :s and l.lessonDate >= :from and l.lessonDate <= :to", Object[].class).setParameter("s", schoolId)
                    .setParameter("from", from.toString()).setParameter("to", end.toString()).getResultList()) {
                LessonEntity e = new LessonEntity();
                e.setOccurrenceId((String) r[0]);
                e.setHeld(Boolean.TRUE.equals(r[1]) || (r[1] instanceof Number n && n.intValue() != 0));
                e.setTopicAt(r[2] == null ? null : ((Number) r[2]).longValue());
                e.setAttendanceAt(r[3] == null ? null : ((Number) r[3]).longValue());
                e.setHomeworkAt(r[4] == null ? null : ((Number) r[4]).longValue());
                recorded.put(e.getOccurrenceId(), e);
            }
            List<Timeliness.MarkTime> marks = em.createQuery("select m.occurrenceId, m.workDate, m.recordedAt from MarkEntity m "
                    + "where m.schoolId = :s and m.lessonDate >= :from and m.lessonDate <= :to", Object[].class).setParameter("s", schoolId)
                    .setParameter("from", from.toString()).setParameter("to", end.toString()).getResultList().stream()
                    .map(m -> new Timeliness.MarkTime((String) m[0], LocalDate.parse((String) m[1]), ((Number) m[2]).longValue())).toList();
            return Timeliness.evaluate(schoolId, List.copyOf(lessons.values()), l -> classOf.get(l.occurrenceId()), recorded, marks, zone,
                    deadlines.homeworkHours(), deadlines.markDays(), clock.now().toEpochMilli());
        });
    }
}
