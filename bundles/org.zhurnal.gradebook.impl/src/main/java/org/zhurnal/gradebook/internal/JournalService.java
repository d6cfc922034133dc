package org.zhurnal.gradebook.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.persistence.Ids;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditEntry;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.audit.AuditRecord;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.core.api.persistence.RowInserts;
import org.zhurnal.core.api.persistence.TransientFailures;
import org.zhurnal.core.api.event.DomainEvents;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.gradebook.api.AbsenceCode;
import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.GradebookEvents;
import org.zhurnal.gradebook.api.JournalLesson;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.gradebook.api.WorkTypes;
import org.zhurnal.gradebook.internal.entity.AttendanceEntity;
import org.zhurnal.gradebook.internal.entity.LessonEntity;
import org.zhurnal.gradebook.internal.entity.MarkEntity;
import org.zhurnal.gradebook.internal.entity.RequestEntity;
import org.zhurnal.gradebook.spi.GradingScheme;
import org.zhurnal.gradebook.spi.MarkUse;
import org.zhurnal.gradebook.spi.MarkValue;
import org.zhurnal.roster.api.Person;
import org.zhurnal.timetable.api.Lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The journal's writes: one lesson at a time, atomically (topic, homework, attendance and marks in one
 * transaction, with the audit records and the domain events), made idempotent by the client's key. Also the
 * single-mark edits. Every write names its lesson; the rules are in {@link LessonContexts} (who) and here (what).
 */
@Component(service = JournalService.class)
public class JournalService {
    static final int MAX_LINKS = 10;
    /** How far before the lesson a piece of work may date (a test written last week, marked today). */
    static final int MAX_WORK_DAYS_BEFORE = 30;

    /** A mark to record; {@code workDate} defaults to the lesson's date, {@code counts} and {@code visibleToFamily} to true. */
    public record MarkInput(String studentId, String value, String workType, LocalDate workDate, String comment, Boolean counts,
            Boolean visibleToFamily) {}

    /** An absence or lateness; students not listed were present. */
    public record AttendanceInput(String studentId, String code, Integer lateMinutes) {}

    /**
     * A whole lesson. Fields left {@code null} are not changed; {@code attendance}, when given, replaces the
     * lesson's attendance (an empty list: everyone present); {@code marks} are added.
     */
    public record LessonEntry(Boolean held, String topic, String homework, List<String> homeworkLinks, String comment,
            List<AttendanceInput> attendance, List<MarkInput> marks) {}

    /** A change of one mark; {@code null} fields stay. */
    public record MarkEdit(String value, String workType, LocalDate workDate, String comment, Boolean counts, Boolean visibleToFamily) {}

    public record StudentRef(String id, String name) {}

    /** A lesson as the journal shows it: the occurrence, what was recorded, the students, their attendance and marks. */
    /**
     * A lesson as the journal holds it. {@code revision} changes with every entry of the lesson (0 before the first): sent
     * back as {@code If-Match}, it makes an entry refuse to overwrite one made meanwhile elsewhere (412).
     */
    public record LessonView(Lesson lesson, JournalLesson journal, String schemeId, boolean schemeInstalled, List<StudentRef> students,
            List<Attendance> attendance, List<Mark> marks, long revision) {}

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final DomainEvents events;
    private final LessonContexts contexts;
    private final CalendarQuery calendar;
    private final GradingSchemes schemes;
    private final SchemeRules rules;
    private final Policies policies;
    private final AbsenceCodes codes;

    @Activate
    public JournalService(@Reference(target = "(osgi.unit.name=zhurnal-gradebook)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference DomainEvents events, @Reference LessonContexts contexts, @Reference CalendarQuery calendar,
            @Reference GradingSchemes schemes, @Reference SchemeRules rules, @Reference Policies policies, @Reference AbsenceCodes codes,
            @Reference GradebookSchema schema) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.contexts = contexts;
        this.calendar = calendar;
        this.schemes = schemes;
        this.rules = rules;
        this.policies = policies;
        this.codes = codes;
    }

    private static ZhurnalPrincipal caller() {
        return CallContext.requirePrincipal();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 409 when the lesson's reporting period is closed (the context's period is read afresh for each request). */
    void requireOpen(LessonContexts.Context c) {
        c.period().filter(p -> ReportingPeriod.CLOSED.equals(p.state())).ifPresent(p -> {
            throw ProblemException.conflict("period-closed", Text.of("The reporting period «" + p.name() + "» (" + p.start() + " – " + p.end()
                    + ") is closed; its marks and lessons change only after a deputy director reopens it", "Период «" + p.name() + "» ("
                    + Text.date(p.start()) + " – " + Text.date(p.end()) + ") закрыт: оценки и уроки в нём меняются только после того, "
                    + "как заместитель директора его откроет"));
        });
    }

    /** The lesson's view for a reader or its writer. */
    public LessonView view(String occurrenceId) {
        ZhurnalPrincipal p = caller();
        LessonContexts.Context c = contexts.require(p, occurrenceId);
        Lesson l = c.lesson();
        boolean teaches = contexts.personOf(p).map(me -> me.equals(l.teacherId()) || me.equals(l.regularTeacherId())).orElse(false);
        if (!teaches) {
            contexts.requireReader(p, c.schoolId(), l.classId(), l.groupId(), l.subject(), l.date(), l.date());
        }
        return view(c);
    }

    LessonView view(LessonContexts.Context c) {
        return view(c, contexts.students(c.lesson().classId(), c.lesson().groupId(), c.lesson().date()));
    }

    private LessonView view(LessonContexts.Context c, List<Person> lessonStudents) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            LessonEntity le = em.find(LessonEntity.class, c.lesson().occurrenceId());
            return viewIn(em, c, lessonStudents, le == null ? null : Mapping.toDTO(le), le == null ? 0 : le.getUpdatedAt());
        });
    }

    /** The lesson's view read with {@code em} (a lesson entry answers from its own transaction). */
    private LessonView viewIn(EntityManager em, LessonContexts.Context c, List<Person> lessonStudents, JournalLesson journal, long revision) {
        Lesson l = c.lesson();
        String schemeId = rules.schemeFor(c.schoolId(), l.subject(), c.grade());
        PolicyConfig.Policy policy = policies.forSchool(c.schoolId());
        // Native queries, sorted here: every lesson entry answers with its lesson read back, and a JPQL projection of
        // these rows cost OpenJPA a packing of each row and Derby a sort that copied every column (docs/benchmarks.md, stop 24).
        @SuppressWarnings("unchecked")
        List<Object[]> attRows = em.createNativeQuery("SELECT " + Mapping.ATTENDANCE_SQL + " FROM zh_g_attendance a WHERE a.occurrence_id = ?1")
                .setParameter(1, l.occurrenceId()).getResultList();
        List<Attendance> att = attRows.stream().map(Mapping::attendanceRow).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> markRows = new ArrayList<>(em.createNativeQuery("SELECT " + Mapping.MARK_SQL + " FROM zh_g_mark m WHERE m.occurrence_id = ?1")
                .setParameter(1, l.occurrenceId()).getResultList());
        markRows.sort(Mapping.MARK_ROW_ORDER);
        List<Mark> marks = markRows.stream().map(r -> Mapping.markRow(r, policy::weight)).toList();
        List<StudentRef> students = lessonStudents.stream().map(s -> new StudentRef(s.id(), s.fullName())).toList();
        return new LessonView(l, journal, schemeId, schemes.get(schemeId).isPresent(), students, att, marks, revision);
    }

    /**
     * Records a whole lesson atomically. A repeated {@code idempotencyKey} of the same caller with the same body
     * returns the lesson without writing again; with another body it is refused (409). With {@code ifMatch} (the
     * {@code revision} of the lesson as the client last read it, as an HTTP entity tag
     * {@code "123"} or bare) the entry is refused with 412 when the lesson was entered since — by another device or
     * another teacher — instead of replacing its attendance and topic with the client's older picture of them.
     */
    public LessonView record(String occurrenceId, String idempotencyKey, String ifMatch, LessonEntry body) {
        ZhurnalPrincipal p = caller();
        Long expected = revisionOf(ifMatch);
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw ProblemException.invalid("Idempotency-Key", "The Idempotency-Key header is required (1–100 characters, e.g. a UUID) "
                    + "so a retried request never records the lesson twice");
        }
        // Every step is a read until the write transaction, which the Idempotency-Key makes safe to repeat: a
        // transient database failure anywhere (a deadlock victim, a read whose result set the database closed under
        // load) runs the whole entry again.
        return retry(() -> recordOnce(p, occurrenceId, idempotencyKey, expected, body));
    }

    /** The revision an {@code If-Match} header names ({@code "123"}, {@code W/"123"} or {@code 123}); {@code null} without one. */
    static Long revisionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            long r = Long.parseLong(v);
            if (r >= 0) {
                return r;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.invalid("If-Match", "If-Match is the lesson's revision as last read, e.g. \"1733100000000\" (0 before its "
                + "first entry)");
    }

    private LessonView recordOnce(ZhurnalPrincipal p, String occurrenceId, String idempotencyKey, Long expected, LessonEntry body) {
        LessonContexts.Context c = contexts.require(p, occurrenceId);
        String by = contexts.requireWriter(p, c);
        if (body == null) {
            throw ProblemException.invalid("body", "A JSON body is required");
        }
        String requestId = sha256(p.accountId() + "\n" + idempotencyKey);
        String requestHash = sha256(occurrenceId + "\n" + body);
        if (alreadyApplied(requestId, requestHash)) {
            return view(c);
        }
        Lesson l = c.lesson();
        if (l.cancelled()) {
            throw ProblemException.conflict("lesson-cancelled", Text.of("The lesson of " + l.date() + " was cancelled ("
                    + (l.changeReason() == null ? "no reason given" : l.changeReason()) + "); a cancelled lesson is not journaled",
                    "Урок " + Text.date(l.date()) + " отменён" + (l.changeReason() == null ? "" : " (" + l.changeReason() + ")")
                            + "; отменённый урок в журнал не записывается"));
        }
        requireOpen(c);
        List<Person> students = contexts.students(l.classId(), l.groupId(), l.date());
        Validated v = validate(c, body, students);
        LessonView written = jpa.txExpr(TransactionType.Required, em -> {
            if (em.find(RequestEntity.class, requestId) != null) {
                return null; // a concurrent retry got here first; the check below sorts it out
            }
            Applied a = apply(em, c, body, v, p.login(), by, expected);
            RequestEntity r = new RequestEntity();
            r.setId(requestId);
            r.setOccurrenceId(occurrenceId);
            r.setRequestHash(requestHash);
            r.setCreatedAt(clock.now().toEpochMilli());
            em.persist(r);
            // Every row is written before the answer is read and the audit append takes its chain's lock, which is
            // then held only for the audit rows and the commit.
            em.flush();
            LessonView answer = viewIn(em, c, students, a.lesson(), a.revision());
            audit.recordAll(c.schoolId(), a.records());
            return answer;
        });
        if (written != null) {
            return written;
        }
        if (!alreadyApplied(requestId, requestHash)) {
            throw new IllegalStateException("The lesson entry was not stored");
        }
        return view(c, students);
    }

    private boolean alreadyApplied(String requestId, String requestHash) {
        RequestEntity r = jpa.txExpr(TransactionType.Supports, em -> em.find(RequestEntity.class, requestId));
        if (r == null) {
            return false;
        }
        if (!r.getRequestHash().equals(requestHash)) {
            throw ProblemException.conflict("idempotency-key-reused", Text.of("This Idempotency-Key was already used for a different request",
                    "Этот запрос уже был отправлен с другими данными; обновите страницу и повторите изменение"));
        }
        return true;
    }

    /** The problem type of a unique-key collision with a concurrent writer (see {@code RowInserts}). */
    private static final String CONCURRENT = "concurrent-modification";

    /** Attempts of a lesson entry before the client is told to retry. */
    static final int ATTEMPTS = 4;

    /**
     * Two first entries of one lesson may race to insert its row, a database deadlock may pick this transaction as
     * its victim, or a read may fail transiently under load: nothing was written, so the work is tried again after a
     * growing pause ({@link TransientFailures#backOff}; {@value #ATTEMPTS} times in all), then the client is told to
     * retry (503) — never a 500 for a conflict between two correct requests.
     */
    private static <T> T retry(Supplier<T> work) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                // The writers that collided started together: tried again at once they meet again (seen as four entries
                // failing twice within 80 ms on the same lock timeout in a cold start's first burst, docs/benchmarks.md).
                TransientFailures.backOff(attempt - 1);
            }
            try {
                return work.get();
            } catch (ProblemException e) {
                if (!CONCURRENT.equals(e.type())) {
                    throw e; // the request's own fault (validation, a closed period, a cancelled lesson): final
                }
                last = e; // a row another entry of the lesson wrote at the same time: rolled back, tried again
            } catch (RuntimeException e) {
                last = e;
            }
        }
        LoggerFactory.getLogger(JournalService.class).warn("Lesson entry failed {} times", ATTEMPTS, last);
        throw new ProblemException(503, "busy", "Busy", Text.of("The lesson is being changed by another request; retry with the same "
                + "Idempotency-Key", "Этот урок сейчас сохраняется из другого окна или другим пользователем; повторите сохранение через несколько секунд"), null);
    }

    /** The body checked against the lesson: the parsed marks, the attendance codes; 400 listing every problem. */
    record Validated(Map<Integer, MarkValue> marks, Map<Integer, AbsenceCode> absences, String schemeId, List<String> links) {}

    private Validated validate(LessonContexts.Context c, LessonEntry b, List<Person> lessonStudents) {
        Lesson l = c.lesson();
        List<Violation> v = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.asClock().withZone(c.zone()));
        boolean future = l.date().isAfter(today);
        boolean held = b.held() == null || b.held();
        if (b.topic() != null && b.topic().length() > 500) {
            v.add(new Violation("topic", Text.of("topic is at most 500 characters", "Тема — не длиннее 500 символов")));
        }
        if (b.homework() != null && b.homework().length() > 4000) {
            v.add(new Violation("homework", Text.of("homework is at most 4000 characters", "Домашнее задание — не длиннее 4000 символов")));
        }
        if (b.comment() != null && b.comment().length() > 1000) {
            v.add(new Violation("comment", Text.of("comment is at most 1000 characters", "Комментарий — не длиннее 1000 символов")));
        }
        // A dot or a dash typed to fill the field in time is not a topic or an assignment: the deputy's control would count
        // the lesson as filled on time while the journal says nothing. Clearing the field (an empty text) stays allowed.
        if (b.topic() != null && !b.topic().isBlank() && !wordy(b.topic())) {
            v.add(new Violation("topic", Text.of("the topic is written in words (letters or digits), not «" + b.topic().trim() + "»",
                    "Тема урока пишется словами, а не «" + b.topic().trim() + "»")));
        }
        if (b.homework() != null && !b.homework().isBlank() && !wordy(b.homework())) {
            v.add(new Violation("homework", Text.of("homework is written in words (letters or digits), not «" + b.homework().trim()
                    + "»; when none is set, say so (e.g. «no homework»)", "Домашнее задание пишется словами, а не «" + b.homework().trim()
                    + "»; если задания нет, так и напишите: «не задано»")));
        }
        List<String> links = new ArrayList<>();
        if (b.homeworkLinks() != null) {
            if (b.homeworkLinks().size() > MAX_LINKS) {
                v.add(new Violation("homeworkLinks", Text.of("at most " + MAX_LINKS + " links", "Не больше " + MAX_LINKS + " ссылок")));
            }
            for (int i = 0; i < b.homeworkLinks().size(); i++) {
                String link = b.homeworkLinks().get(i) == null ? "" : b.homeworkLinks().get(i).trim();
                if (!(link.startsWith("https://") || link.startsWith("http://")) || link.length() > 500 || link.contains("\n")
                        || link.contains(" ")) {
                    v.add(new Violation("homeworkLinks[" + i + "]", Text.of("link " + (i + 1) + " is not an http(s) URL of at most 500 characters",
                            "Ссылка " + (i + 1) + " — адрес http(s) не длиннее 500 символов")));
                } else {
                    links.add(link);
                }
            }
        }
        // The lesson's students by id: who may be named in the entry, and their names for its problems.
        Map<String, String> names = new HashMap<>();
        lessonStudents.forEach(s -> names.put(s.id(), s.fullName()));
        Set<String> students = names.keySet();
        String who = l.classId() != null ? "class" : "group";
        String whoRu = l.classId() != null ? "классе" : "группе";
        java.util.function.Function<String, String> name = id -> names.containsKey(id) ? names.get(id) : contexts.studentName(c.schoolId(), id);
        Map<Integer, AbsenceCode> absences = new HashMap<>();
        if (b.attendance() != null) {
            if (future) {
                v.add(new Violation("attendance", Text.of("Attendance of a lesson on " + l.date() + " is recorded on or after that day",
                        "Посещаемость урока " + Text.date(l.date()) + " отмечается в этот день или позже")));
            } else if (!held && !b.attendance().isEmpty()) {
                v.add(new Violation("attendance", Text.of("A lesson that was not held has no attendance",
                        "У непроведённого урока нет посещаемости")));
            }
            Map<String, AbsenceCode> book = codes.byCode(c.schoolId());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < b.attendance().size(); i++) {
                AttendanceInput a = b.attendance().get(i);
                String f = "attendance[" + i + "]";
                if (a == null || a.studentId() == null || !students.contains(a.studentId())) {
                    v.add(new Violation(f + ".studentId", Text.of("Student " + (a == null ? null : a.studentId()) + " is not in this lesson's "
                            + who + " on " + l.date(), name.apply(a == null ? null : a.studentId()) + ": не числится в " + whoRu + " этого урока на "
                            + Text.date(l.date()))));
                    continue;
                }
                if (!seen.add(a.studentId())) {
                    v.add(new Violation(f + ".studentId", Text.of("Student " + a.studentId() + " is listed twice",
                            name.apply(a.studentId()) + ": ученик указан дважды")));
                }
                AbsenceCode code = codes.find(book, a.code()).orElse(null);
                if (code == null) {
                    v.add(new Violation(f + ".code", Text.of("«" + a.code() + "» is not an attendance code of the school: "
                            + String.join(", ", book.keySet()), name.apply(a.studentId()) + ": «" + a.code() + "» — не код пропуска школы; коды: "
                            + String.join(", ", book.keySet()))));
                    continue;
                }
                if (AbsenceCode.LATE.equals(code.category())) {
                    if (a.lateMinutes() != null && (a.lateMinutes() < 1 || a.lateMinutes() > 90)) {
                        v.add(new Violation(f + ".lateMinutes", Text.of("lateMinutes is 1 to 90",
                                name.apply(a.studentId()) + ": опоздание — от 1 до 90 минут")));
                    }
                } else if (a.lateMinutes() != null) {
                    v.add(new Violation(f + ".lateMinutes", Text.of("lateMinutes is only given for lateness",
                            name.apply(a.studentId()) + ": минуты указываются только для опоздания")));
                }
                absences.put(i, code);
            }
        }
        String schemeId = rules.schemeFor(c.schoolId(), l.subject(), c.grade());
        Map<Integer, MarkValue> marks = new HashMap<>();
        if (b.marks() != null && !b.marks().isEmpty()) {
            GradingScheme scheme = schemes.get(schemeId).orElseThrow(() -> ProblemException.conflict("scheme-unavailable",
                    Text.of("The grading scheme «" + schemeId + "» of " + l.subject() + " is not installed; marks in it cannot be recorded until "
                            + "its plug-in is deployed again (stored marks stay readable)", "Система оценивания «" + schemeId + "» предмета «"
                            + l.subject() + "» не установлена: новые оценки по ней не ставятся, пока её модуль не будет установлен снова "
                            + "(выставленные оценки видны)")));
            if (future) {
                v.add(new Violation("marks", Text.of("Marks of a lesson on " + l.date() + " are recorded on or after that day",
                        "Оценки за урок " + Text.date(l.date()) + " ставятся в этот день или позже")));
            } else if (!held) {
                v.add(new Violation("marks", Text.of("A lesson that was not held has no marks", "У непроведённого урока нет оценок")));
            }
            for (int i = 0; i < b.marks().size(); i++) {
                MarkInput m = b.marks().get(i);
                String f = "marks[" + i + "]";
                if (m == null || m.studentId() == null || !students.contains(m.studentId())) {
                    v.add(new Violation(f + ".studentId", Text.of("Student " + (m == null ? null : m.studentId()) + " is not in this lesson's "
                            + who + " on " + l.date(), name.apply(m == null ? null : m.studentId()) + ": не числится в " + whoRu + " этого урока на "
                            + Text.date(l.date()))));
                    continue;
                }
                MarkValue value = m.value() == null ? null : scheme.parse(m.value(), MarkUse.CURRENT).orElse(null);
                if (value == null) {
                    v.add(new Violation(f + ".value", Text.of("«" + m.value() + "» (student " + name.apply(m.studentId()) + ", " + m.studentId() + ") is not a mark of the scheme «"
                            + scheme.name(java.util.Locale.ENGLISH) + "»: " + String.join(" ", scheme.values(MarkUse.CURRENT)),
                            name.apply(m.studentId()) + ": «" + m.value() + "» — недопустимая оценка (система оценивания «"
                                    + scheme.name(Text.RUSSIAN) + "»); допустимые: " + String.join(" ", scheme.values(MarkUse.CURRENT)))));
                } else {
                    marks.put(i, value);
                }
                if (m.workType() == null || !WorkTypes.isKnown(m.workType())) {
                    v.add(new Violation(f + ".workType", Text.of("workType is one of " + String.join(", ",
                            WorkTypes.ALL.stream().map(WorkTypes.WorkType::id).toList()), name.apply(m.studentId()) + ": неизвестный вид работы «"
                                    + m.workType() + "»")));
                }
                if (m.workDate() != null && (m.workDate().isAfter(l.date())
                        || ChronoUnit.DAYS.between(m.workDate(), l.date()) > MAX_WORK_DAYS_BEFORE)) {
                    v.add(new Violation(f + ".workDate", Text.of("workDate is the lesson's date or up to " + MAX_WORK_DAYS_BEFORE
                            + " days before it", name.apply(m.studentId()) + ": дата работы — не позже дня урока и не раньше чем за " + MAX_WORK_DAYS_BEFORE
                                    + " дней до него")));
                }
                if (m.comment() != null && m.comment().length() > 500) {
                    v.add(new Violation(f + ".comment", Text.of("comment is at most 500 characters",
                            name.apply(m.studentId()) + ": комментарий к оценке — не длиннее 500 символов")));
                }
            }
        }
        if (!v.isEmpty()) {
            throw ProblemException.invalid(Messages.summary(v, "nothing was recorded", "ничего не записано"), v);
        }
        return new Validated(marks, absences, schemeId, links);
    }

    /** Whether a topic or an assignment has a letter or a digit in it (not only dots, dashes or other marks). */
    static boolean wordy(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** What an entry wrote: the audit records (for the caller to append last) and the lesson as it now is. */
    private record Applied(List<AuditRecord> records, JournalLesson lesson, long revision) {
    }

    /** Writes the entry and publishes its events. */
    private Applied apply(EntityManager em, LessonContexts.Context c, LessonEntry b, Validated v, String login, String personId, Long expected) {
        Lesson l = c.lesson();
        long now = clock.now().toEpochMilli();
        PolicyConfig.Policy policy = policies.forSchool(c.schoolId());
        List<AuditRecord> records = new ArrayList<>();
        List<DomainEvents.Draft> published = new ArrayList<>();
        // Entries of one lesson run one after the other: an UPDATE that changes nothing locks just that row (a
        // SELECT … FOR UPDATE would, on Derby, also lock the index gap and block other lessons' first entries).
        // The first entry creates the row; two first entries racing to create it end in one retry (see retry).
        int lessonRows = em.createNativeQuery("UPDATE zh_g_lesson SET updated_at = updated_at WHERE occurrence_id = ?1")
                .setParameter(1, l.occurrenceId()).executeUpdate();
        LessonEntity le = lessonRows == 0 ? null : em.find(LessonEntity.class, l.occurrenceId());
        long current = le == null ? 0 : le.getUpdatedAt();
        if (expected != null && expected != current) {
            // Checked under the lesson row's lock: of two entries made from the same picture, the second is refused.
            throw new ProblemException(412, "lesson-changed", "Precondition Failed", Text.of("The lesson of " + l.date() + " was entered "
                    + "elsewhere since it was read (revision " + current + ", not " + expected + "); read it again and repeat the change",
                    "Урок " + Text.date(l.date()) + " изменён в другом месте после того, как был открыт; откройте его заново и повторите "
                            + "изменение"), "If-Match");
        }
        JournalLesson before = null;
        if (le == null) {
            le = new LessonEntity();
            le.setOccurrenceId(l.occurrenceId());
            le.setSchoolId(c.schoolId());
            le.setLessonDate(l.date().toString());
            le.setClassId(l.classId());
            le.setGroupId(l.groupId());
            le.setSubject(l.subject());
            le.setHeld(true);
            le.setCreatedAt(now);
            em.persist(le);
        } else {
            before = Mapping.toDTO(le);
        }
        le.setTaughtBy(personId);
        if (Boolean.FALSE.equals(b.held())) {
            requireNothingRecorded(em, l, b);
        }
        if (b.held() != null) {
            le.setHeld(b.held());
        }
        if (b.topic() != null) {
            le.setTopic(b.topic().isBlank() ? null : b.topic().trim());
            // When the topic was first written: for the deadline. A cleared topic is no longer written, and is stamped
            // again when it is.
            if (le.getTopic() == null) {
                le.setTopicAt(null);
            } else if (le.getTopicAt() == null) {
                le.setTopicAt(now);
            }
        }
        boolean homeworkChanged = false;
        if (b.homework() != null || b.homeworkLinks() != null) {
            String hw = b.homework() == null ? le.getHomework() : b.homework().isBlank() ? null : b.homework().trim();
            String links = b.homeworkLinks() == null ? le.getHomeworkLinks() : v.links().isEmpty() ? null : String.join("\n", v.links());
            homeworkChanged = !java.util.Objects.equals(hw, le.getHomework()) || !java.util.Objects.equals(links, le.getHomeworkLinks());
            le.setHomework(hw);
            le.setHomeworkLinks(links);
            if (hw == null && links == null) {
                le.setHomeworkAt(null); // withdrawn: posted again later is posted then
            } else if (le.getHomeworkAt() == null) {
                le.setHomeworkAt(now);
            }
        }
        if (b.comment() != null) {
            le.setComment(b.comment().isBlank() ? null : b.comment().trim());
        }
        if (b.attendance() != null) {
            if (le.getAttendanceAt() == null) {
                le.setAttendanceAt(now);
            }
            Map<String, AttendanceEntity> existing = new LinkedHashMap<>();
            em.createQuery("select a from AttendanceEntity a where a.occurrenceId = :o", AttendanceEntity.class)
                    .setParameter("o", l.occurrenceId()).getResultList().forEach(a -> existing.put(a.getStudentId(), a));
            for (int i = 0; i < b.attendance().size(); i++) {
                AttendanceInput in = b.attendance().get(i);
                AbsenceCode code = v.absences().get(i);
                AttendanceEntity a = existing.remove(in.studentId());
                Attendance old = a == null ? null : Mapping.toDTO(a);
                if (a == null) {
                    a = new AttendanceEntity();
                    a.setId(Ids.timeOrdered());
                    a.setOccurrenceId(l.occurrenceId());
                    a.setSchoolId(c.schoolId());
                    a.setStudentId(in.studentId());
                    a.setLessonDate(l.date().toString());
                    a.setSubject(l.subject());
                    em.persist(a);
                }
                a.setCode(code.code());
                a.setCategory(code.category());
                a.setLateMinutes(AbsenceCode.LATE.equals(code.category()) ? in.lateMinutes() : null);
                a.setRecordedAt(now);
                a.setRecordedBy(login);
                Attendance neu = Mapping.toDTO(a);
                if (!neu.equals(old)) {
                    records.add(new AuditRecord("attendance", a.getId(), old == null ? "create" : "update", old, neu));
                    published.add(new DomainEvents.Draft(GradebookEvents.ABSENCE_RECORDED, c.schoolId(), neu));
                }
            }
            for (AttendanceEntity gone : existing.values()) {
                records.add(new AuditRecord("attendance", gone.getId(), "delete", Mapping.toDTO(gone), null));
                em.remove(gone);
            }
        }
        // New marks are written with one multi-row INSERT (row_version 1, as OpenJPA starts it), not as entities.
        List<Object[]> newMarks = new ArrayList<>();
        if (b.marks() != null) {
            for (int i = 0; i < b.marks().size(); i++) {
                MarkInput in = b.marks().get(i);
                MarkValue value = v.marks().get(i);
                MarkEntity m = new MarkEntity();
                m.setId(Ids.timeOrdered());
                m.setOccurrenceId(l.occurrenceId());
                m.setSchoolId(c.schoolId());
                m.setStudentId(in.studentId());
                m.setLessonDate(l.date().toString());
                m.setSubject(l.subject());
                m.setClassId(l.classId());
                m.setGroupId(l.groupId());
                m.setSchemeId(v.schemeId());
                m.setValue(value.value());
                m.setNumeric(value.numeric());
                m.setWorkType(in.workType());
                m.setWorkDate((in.workDate() == null ? l.date() : in.workDate()).toString());
                m.setComment(in.comment() == null || in.comment().isBlank() ? null : in.comment().trim());
                m.setCounted(in.counts() == null || in.counts());
                m.setFamilyVisible(in.visibleToFamily() == null || in.visibleToFamily());
                m.setRecordedAt(now);
                m.setRecordedBy(login);
                m.setUpdatedAt(now);
                newMarks.add(new Object[] {m.getId(), m.getOccurrenceId(), m.getSchoolId(), m.getStudentId(), m.getLessonDate(),
                    m.getSubject(), m.getClassId(), m.getGroupId(), m.getSchemeId(), m.getValue(), m.getNumeric(), m.getWorkType(),
                    m.getWorkDate(), m.getComment(), m.isCounted(), m.isFamilyVisible(), m.getRecordedAt(), m.getRecordedBy(),
                    m.getUpdatedAt(), 1L});
                Mark dto = Mapping.toDTO(m, policy.weight(m.getWorkType()), false);
                records.add(new AuditRecord("mark", m.getId(), "create", null, dto));
                published.add(new DomainEvents.Draft(GradebookEvents.MARK_RECORDED, c.schoolId(), dto));
            }
        }
        le.setUpdatedAt(now);
        JournalLesson after = Mapping.toDTO(le);
        if (!after.equals(before)) {
            records.add(new AuditRecord("journal-lesson", le.getOccurrenceId(), before == null ? "create" : "update", before, after));
        }
        if (homeworkChanged) {
            published.add(new DomainEvents.Draft(GradebookEvents.HOMEWORK_POSTED, c.schoolId(), after));
        }
        if (!newMarks.isEmpty()) {
            RowInserts.insertAndRelease(em.unwrap(java.sql.Connection.class), "zh_g_mark", MARK_COLUMNS, newMarks);
        }
        events.publishAll(published);
        return new Applied(records, after, now);
    }

    /**
     * A lesson that did not take place has no marks and no absences: recording that it was not held while it has them
     * would leave them counting in the period's averages and showing in the diary. The teacher removes them first (each
     * removal audited) — or sends the empty attendance list with the change, which removes the absences.
     */
    private static void requireNothingRecorded(EntityManager em, Lesson l, LessonEntry b) {
        long marks = ((Number) em.createQuery("select count(m) from MarkEntity m where m.occurrenceId = :o")
                .setParameter("o", l.occurrenceId()).getSingleResult()).longValue();
        long absences = b.attendance() != null ? 0 : ((Number) em.createQuery("select count(a) from AttendanceEntity a where a.occurrenceId = :o")
                .setParameter("o", l.occurrenceId()).getSingleResult()).longValue();
        if (marks > 0 || absences > 0) {
            throw new ProblemException(409, "lesson-has-entries", "Conflict", Text.of("The lesson of " + l.date() + " has " + marks
                    + " marks and " + absences + " absences recorded; a lesson that was not held has none: delete them first",
                    "Урок " + Text.date(l.date()) + " нельзя отметить как непроведённый: в нём есть " + (marks > 0 ? "оценки (" + marks
                            + ")" + (absences > 0 ? " и " : "") : "") + (absences > 0 ? "записи посещаемости (" + absences + ")" : "")
                            + " — сначала удалите их"), "held");
        }
    }

    private static final List<String> MARK_COLUMNS = List.of("id", "occurrence_id", "school_id", "student_id", "lesson_date", "subject",
            "class_id", "group_id", "scheme_id", "raw_value", "numeric_value", "work_type", "work_date", "mark_comment", "counted",
            "family_visible", "recorded_at", "recorded_by", "updated_at", "row_version");

    private MarkEntity requireMark(EntityManager em, ZhurnalPrincipal p, String markId) {
        MarkEntity m = markId == null ? null : em.find(MarkEntity.class, markId);
        if (m == null) {
            throw ProblemException.notFound("Mark", markId);
        }
        return m;
    }

    /** Changes one mark; only the teacher of its lesson, while the period is open. */
    public Mark editMark(String markId, MarkEdit edit) {
        ZhurnalPrincipal p = caller();
        MarkEntity found = jpa.txExpr(TransactionType.Supports, em -> requireMark(em, p, markId));
        LessonContexts.Context c = contexts.require(p, found.getOccurrenceId());
        contexts.requireWriter(p, c);
        requireOpen(c);
        if (c.lesson().cancelled()) {
            // Marks of a lesson cancelled afterwards (before cancellations checked for entries) can only be deleted.
            throw ProblemException.conflict("lesson-cancelled", Text.of("The lesson of " + c.lesson().date() + " was cancelled; its marks "
                    + "can only be deleted", "Урок " + Text.date(c.lesson().date()) + " отменён: его оценки можно только удалить"));
        }
        if (edit == null) {
            throw ProblemException.invalid("body", "A JSON body is required");
        }
        List<Violation> v = new ArrayList<>();
        MarkValue value = null;
        if (edit.value() != null) {
            GradingScheme scheme = schemes.get(found.getSchemeId()).orElseThrow(() -> ProblemException.conflict("scheme-unavailable",
                    Text.of("The grading scheme «" + found.getSchemeId() + "» of this mark is not installed; its value cannot be changed now",
                            "Система оценивания «" + found.getSchemeId() + "» этой оценки не установлена: её значение сейчас не изменить")));
            value = scheme.parse(edit.value(), MarkUse.CURRENT).orElse(null);
            if (value == null) {
                v.add(new Violation("value", Text.of("«" + edit.value() + "» is not a mark of the scheme: " + String.join(" ",
                        scheme.values(MarkUse.CURRENT)), "«" + edit.value() + "» — недопустимая оценка (система оценивания «" + scheme.name(Text.RUSSIAN)
                                + "»); допустимые: " + String.join(" ", scheme.values(MarkUse.CURRENT)))));
            }
        }
        if (edit.workType() != null && !WorkTypes.isKnown(edit.workType())) {
            v.add(new Violation("workType", Text.of("workType is a known work type", "Неизвестный вид работы «" + edit.workType() + "»")));
        }
        LocalDate lessonDate = c.lesson().date();
        if (edit.workDate() != null && (edit.workDate().isAfter(lessonDate)
                || ChronoUnit.DAYS.between(edit.workDate(), lessonDate) > MAX_WORK_DAYS_BEFORE)) {
            v.add(new Violation("workDate", Text.of("workDate is the lesson's date or up to " + MAX_WORK_DAYS_BEFORE + " days before it",
                    "Дата работы — не позже дня урока и не раньше чем за " + MAX_WORK_DAYS_BEFORE + " дней до него")));
        }
        if (edit.comment() != null && edit.comment().length() > 500) {
            v.add(new Violation("comment", Text.of("comment is at most 500 characters", "Комментарий к оценке — не длиннее 500 символов")));
        }
        if (!v.isEmpty()) {
            throw ProblemException.invalid(Messages.summary(v, "nothing was changed", "ничего не изменено"), v);
        }
        MarkValue newValue = value;
        PolicyConfig.Policy policy = policies.forSchool(c.schoolId());
        return jpa.txExpr(TransactionType.Required, em -> {
            MarkEntity m = requireMark(em, p, markId);
            Mark before = Mapping.toDTO(m, policy.weight(m.getWorkType()), false);
            if (newValue != null) {
                m.setValue(newValue.value());
                m.setNumeric(newValue.numeric());
            }
            if (edit.workType() != null) {
                m.setWorkType(edit.workType());
            }
            if (edit.workDate() != null) {
                m.setWorkDate(edit.workDate().toString());
            }
            if (edit.comment() != null) {
                m.setComment(edit.comment().isBlank() ? null : edit.comment().trim());
            }
            if (edit.counts() != null) {
                m.setCounted(edit.counts());
            }
            if (edit.visibleToFamily() != null) {
                m.setFamilyVisible(edit.visibleToFamily());
            }
            m.setUpdatedAt(clock.now().toEpochMilli());
            Mark after = Mapping.toDTO(m, policy.weight(m.getWorkType()), false);
            audit.record(c.schoolId(), "mark", m.getId(), "update", before, after);
            events.publish(GradebookEvents.MARK_CHANGED, c.schoolId(), after);
            return after;
        });
    }

    /** Deletes one mark; only the teacher of its lesson, while the period is open. The audit keeps it. */
    public void deleteMark(String markId) {
        ZhurnalPrincipal p = caller();
        MarkEntity found = jpa.txExpr(TransactionType.Supports, em -> requireMark(em, p, markId));
        LessonContexts.Context c = contexts.require(p, found.getOccurrenceId());
        contexts.requireWriter(p, c);
        requireOpen(c);
        PolicyConfig.Policy policy = policies.forSchool(c.schoolId());
        jpa.tx(TransactionType.Required, em -> {
            MarkEntity m = requireMark(em, p, markId);
            Mark before = Mapping.toDTO(m, policy.weight(m.getWorkType()), false);
            audit.record(c.schoolId(), "mark", m.getId(), "delete", before, null);
            events.publish(GradebookEvents.MARK_CHANGED, c.schoolId(), Mapping.toDTO(m, policy.weight(m.getWorkType()), true));
            em.remove(m);
        });
    }

    /**
     * One change of a mark as the audit log keeps it: when, by whom (login and the account's display name), what was
     * done ({@code create}, {@code update}, {@code delete}) and the mark before and after ({@code null} before its
     * creation and after its deletion).
     */
    public record MarkChange(Instant at, String byLogin, String byName, String action, Mark before, Mark after) {}

    /** The most changes of one mark a history shows (the oldest are left out beyond it). */
    static final int MAX_HISTORY = 200;

    /** Reads the marks the audit log stored (older entries may lack newer fields, or carry fields since dropped). */
    private static final ObjectMapper AUDIT_JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static Mark auditedMark(String json) {
        try {
            return json == null ? null : AUDIT_JSON.readValue(json, Mark.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audited mark could not be read", e);
        }
    }

    /**
     * The history of a mark, oldest change first, from the audit log; a deleted mark's too. For those who may read its
     * lesson: the teacher who gives it (or gave it), the class's or group's teachers of the subject and those who read
     * the class (the class teacher, the deputy director); 404 for a mark never recorded or of a school the caller has
     * nothing to do with, 403 for a parent, a student or a teacher of another class.
     */
    public List<MarkChange> history(String markId) {
        ZhurnalPrincipal p = caller();
        if (markId == null || markId.isBlank()) {
            throw ProblemException.notFound("Mark", markId);
        }
        List<AuditEntry> newestFirst = audit.find("mark", markId, MAX_HISTORY);
        List<MarkChange> changes = new ArrayList<>();
        Map<String, java.util.Optional<String>> names = new HashMap<>(); // one lookup per author
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            AuditEntry e = newestFirst.get(i);
            String name = e.actorId() == null ? null : names.computeIfAbsent(e.actorId(), contexts::displayNameOf).orElse(null);
            changes.add(new MarkChange(e.at(), e.actorLogin(), name, e.action(), auditedMark(e.before()), auditedMark(e.after())));
        }
        // A mark written in bulk without an entry of its own (the demo's half-year, summed up per class) has no changes yet.
        String occurrenceId;
        if (changes.isEmpty()) {
            MarkEntity m = jpa.txExpr(TransactionType.Supports, em -> em.find(MarkEntity.class, markId));
            if (m == null) {
                throw ProblemException.notFound("Mark", markId);
            }
            occurrenceId = m.getOccurrenceId();
        } else {
            MarkChange last = changes.get(changes.size() - 1);
            occurrenceId = (last.after() != null ? last.after() : last.before()).occurrenceId();
        }
        LessonContexts.Context c = contexts.require(p, occurrenceId);
        // The entries are in the mark's school's chains (the school id, or the school id and "~n" for a parallel one).
        if (!newestFirst.stream().allMatch(e -> e.chain().equals(c.schoolId()) || e.chain().startsWith(c.schoolId() + "~"))) {
            throw ProblemException.notFound("Mark", markId);
        }
        Lesson l = c.lesson();
        boolean teaches = contexts.personOf(p).map(me -> me.equals(l.teacherId()) || me.equals(l.regularTeacherId())).orElse(false);
        if (!teaches) {
            contexts.requireReader(p, c.schoolId(), l.classId(), l.groupId(), l.subject(), l.date(), l.date());
        }
        return changes;
    }

    /** Marks of the given lessons, with the school's current weights. */
    List<Mark> marksOf(EntityManager em, Collection<String> occurrenceIds, PolicyConfig.Policy policy) {
        if (occurrenceIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select " + Mapping.MARK_ROW + " from MarkEntity m where m.occurrenceId in :o "
                + "order by m.lessonDate, m.recordedAt, m.id", Object[].class).setParameter("o", InLists.padded(occurrenceIds))
                        .getResultList().stream()
                .map(r -> Mapping.markRow(r, policy::weight)).toList();
    }

    /** @return the reporting period, if it exists for the school and grade */
    ReportingPeriod period(String schoolId, int year, int grade, String periodId) {
        return calendar.periods(schoolId, year, grade).stream().filter(x -> x.id().equals(periodId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Reporting period", periodId));
    }
}
