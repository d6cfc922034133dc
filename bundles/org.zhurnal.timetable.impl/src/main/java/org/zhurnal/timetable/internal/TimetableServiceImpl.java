package org.zhurnal.timetable.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.audit.AuditRecord;
import org.zhurnal.roster.api.RosterService;
import org.zhurnal.timetable.internal.importer.TimetableCsv;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.PersonKind;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.LessonChange;
import org.zhurnal.timetable.internal.entity.ChangeEntity;
import org.zhurnal.core.api.event.DomainEvents;
import org.zhurnal.timetable.api.TimetableEntry;
import org.zhurnal.timetable.internal.entity.EntryEntity;

/**
 * The timetable's operations, each checked against the caller's scope: template writes need ADMINISTER on
 * the school, template reads any relation to it; lessons are read within the class's or student's scope, or
 * by the teacher themself. Outside the scope the thing does not exist (404). Every write is audited.
 */
@Component(service = TimetableServiceImpl.class)
public class TimetableServiceImpl {
    static final String ENTITY = "timetable-entry";
    /** Entries in week order: weekday, lesson number, then validity. */
    static final java.util.Comparator<TimetableEntry> BY_SLOT = java.util.Comparator.comparing(TimetableEntry::weekday)
            .thenComparingInt(TimetableEntry::lessonNumber).thenComparing(TimetableEntry::validFrom).thenComparing(TimetableEntry::id);

    /** Body of a new template entry; {@code academicYear} defaults to the year of {@code validFrom}, {@code weeks} to ALL. */
    public record NewEntry(Integer academicYear, String classId, String groupId, String subject, String teacherId, String room,
            DayOfWeek weekday, Integer lessonNumber, LocalDate validFrom, LocalDate validTo, String weeks) {}

    /** Body of ending an entry: the first day it no longer applies. */
    public record EndEntry(LocalDate date) {}

    /**
     * Body of changing one lesson: {@code kind} SUBSTITUTION (a substitute teacher and/or another room),
     * CANCELLATION, or NONE (restore as planned); a reason is required for the first two.
     */
    public record ChangeLesson(String kind, String substituteTeacherId, String room, String reason) {}

    /** The detail of a request without its body. */
    static final Text NO_BODY = Text.of("A JSON body is required", "Не переданы данные запроса");

    static final String CHANGE_ENTITY = "timetable-lesson-change";
    /** Domain event published with every change of a lesson (payload: the lesson after the change). */
    public static final String LESSON_CHANGED = "timetable.lesson.changed";

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final SchoolAccess access;
    private final Authorization authorization;
    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final AccountService accounts;
    private final TimetableQueryImpl query;
    private final DomainEvents events;
    private final RosterService rosterService;

    /** Modules with records on lessons (the journal), asked before lessons are cancelled or an entry is ended. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile List<org.zhurnal.timetable.spi.LessonRecords> lessonRecords = List.of();

    /** Refuses (409) a change that would take away lessons of {@code entryId} from {@code from} to {@code to} that have records. */
    private void requireNoRecords(String entryId, LocalDate from, LocalDate to, Text change) {
        for (org.zhurnal.timetable.spi.LessonRecords r : lessonRecords) {
            List<LocalDate> dates = r.recordedDates(entryId, from, to);
            if (!dates.isEmpty()) {
                String shown = dates.stream().limit(5).map(LocalDate::toString).collect(java.util.stream.Collectors.joining(", "))
                        + (dates.size() > 5 ? " and " + (dates.size() - 5) + " more" : "");
                String shownRu = dates.stream().limit(5).map(Text::date).collect(java.util.stream.Collectors.joining(", "))
                        + (dates.size() > 5 ? " и ещё " + (dates.size() - 5) : "");
                // What the records are comes from the module keeping them (the journal) in English only.
                throw ProblemException.conflict("lesson-has-records", Text.of(change.en() + ": the lessons of " + shown + " already have "
                        + r.what() + "; the teachers delete the marks and attendance first (or the lesson is substituted instead)",
                        change.ru() + ": " + (dates.size() == 1 ? "на уроке " : "на уроках ") + shownRu + " уже есть записи в журнале; "
                                + "сначала учителя должны удалить оценки и посещаемость (или урок можно не отменять, а заменить)"));
            }
        }
    }

    @Activate
    public TimetableServiceImpl(@Reference(target = "(osgi.unit.name=zhurnal-timetable)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference SchoolAccess access, @Reference Authorization authorization, @Reference RosterQuery roster,
            @Reference CalendarQuery calendar, @Reference AccountService accounts, @Reference TimetableQueryImpl query,
            @Reference DomainEvents events, @Reference RosterService rosterService, @Reference TimetableSchema schema) {
        this.events = events;
        this.rosterService = rosterService;
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.authorization = authorization;
        this.roster = roster;
        this.calendar = calendar;
        this.accounts = accounts;
        this.query = query;
    }

    private static ZhurnalPrincipal caller() {
        return CallContext.requirePrincipal();
    }

    private Function<String, Group> groupLookup(String schoolId, int year) {
        Map<String, Group> groups = new HashMap<>();
        for (int y = year - 1; y <= year + 1; y++) {
            roster.groups(schoolId, y).forEach(g -> groups.put(g.id(), g));
        }
        return groups::get;
    }

    private String nameOf(String classOrGroupId, Function<String, Group> groups) {
        Group g = groups.apply(classOrGroupId);
        if (g != null) {
            return g.name();
        }
        return roster.schoolClass(classOrGroupId).map(SchoolClass::name).orElse(classOrGroupId);
    }

    public TimetableEntry create(String schoolId, NewEntry n) {
        ZhurnalPrincipal p = caller();
        access.require(p, schoolId, Action.ADMINISTER);
        if (n == null) {
            throw ProblemException.invalid("body", NO_BODY);
        }
        EntryValidation.Result r = EntryValidation.validate(schoolId, n, facts(schoolId));
        if (!r.valid()) {
            throw ProblemException.invalid(Text.firstOf(r.violations()), r.violations());
        }
        TimetableEntry candidate = r.entry();
        Function<String, Group> groups = groupLookup(schoolId, candidate.academicYear());
        Saved saved = save(schoolId, List.of(new Candidate(0, candidate)), false, false, "create", groups, clashes -> {
            Clash c = clashes.get(0);
            return conflict(c.candidate().entry(), c.other(), groups);
        });
        return saved.created().get(0);
    }

    /** Result of an import: rows read, entries created, rows skipped because the same entry already exists. */
    public record ImportReport(boolean dryRun, int rows, int created, int unchanged) {}

    /** Every write of the timetable: the reused entries and changes of {@link TimetableQueryImpl} are forgotten once it ended. */
    private <R> R write(org.apache.aries.jpa.template.EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work);
        } finally {
            query.evictAll();
        }
    }

    /**
     * Imports a timetable file (see {@link TimetableCsv}) into the school's academic year {@code year} (default:
     * the current one). All-or-nothing: every row is validated and checked for conflicts with the saved entries
     * and with the other rows first; any error gives one 400 problem listing all of them and writes nothing.
     * Rows whose entry already exists ({@link EntryValidation#sameLesson}) are skipped, so importing the same file
     * again creates nothing. A dry run reports what would happen and writes nothing.
     */
    public ImportReport importCsv(String schoolId, String fileName, byte[] content, Integer year, boolean dryRun) {
        ZhurnalPrincipal p = caller();
        access.require(p, schoolId, Action.ADMINISTER);
        int y = year != null ? year : RosterQuery.academicYearOf(clock.today());
        EntryValidation.Facts facts = facts(schoolId);
        LocalDate defaultFrom = facts.year(y).map(AcademicYear::start).orElse(LocalDate.of(y, 9, 1));
        List<TimetableCsv.Line> lines = TimetableCsv.parse(fileName, content,
                new TimetableCsv.Context(schoolId, y, defaultFrom, directory(schoolId, y), facts));
        String file = TimetableCsv.displayName(fileName);
        Function<String, Group> groups = groupLookup(schoolId, y);
        List<Candidate> candidates = lines.stream().map(l -> new Candidate(l.row(), l.entry())).toList();
        Saved saved = save(schoolId, candidates, dryRun, true, "import-create", groups, clashes -> {
            List<Violation> v = new ArrayList<>();
            for (Clash c : clashes) {
                String where = c.otherRow() > 0 ? "row " + c.otherRow() + " of the file: " : "the saved entry ";
                String whereRu = c.otherRow() > 0 ? "уроком из строки " + c.otherRow() + " файла: " : "уроком из расписания: ";
                v.add(new Violation(file + ":" + c.candidate().row() + ":" + TimetableCsv.LESSON, Text.of("Conflicts with " + where
                        + TimetableRules.describe(c.other(), id -> nameOf(id, groups)) + " (" + why(c.candidate().entry(), c.other()) + ")",
                        "Совпадает по времени с " + whereRu + TimetableRules.describeRu(c.other(), id -> nameOf(id, groups)) + " — "
                                + sameRu(c.candidate().entry(), c.other()))));
            }
            return ProblemException.invalid(Text.of(v.size() + " conflicts in " + file + "; nothing was imported",
                    "Конфликтов в файле «" + file + "»: " + v.size() + "; ничего не импортировано"), v);
        });
        return new ImportReport(dryRun, lines.size(), saved.created().size(), saved.unchanged());
    }

    /** A validated entry to save; {@code row} is its row in an import file, 0 for a single create. */
    record Candidate(int row, TimetableEntry entry) {}

    /** A candidate that clashes with a saved entry ({@code otherRow} 0) or with an earlier row of the same file. */
    record Clash(Candidate candidate, TimetableEntry other, int otherRow) {}

    private record Saved(List<TimetableEntry> created, int unchanged) {}

    /**
     * The one way entries are written. Under the school's lock row (so two saves cannot both pass the check),
     * checks every candidate against the saved entries and the candidates before it; any clash makes
     * {@code onClash} throw and nothing is written. Otherwise persists all of them in this one transaction and
     * audits them with one {@link AuditLog#recordAll}. {@code skipSame}: a candidate equal to a saved entry is
     * counted as unchanged instead of clashing. A dry run checks, takes no lock and writes nothing.
     */
    private Saved save(String schoolId, List<Candidate> candidates, boolean dryRun, boolean skipSame, String action,
            Function<String, Group> groups, Function<List<Clash>, ProblemException> onClash) {
        if (!dryRun) {
            ensureLockRow(schoolId);
        }
        return write( em -> {
            if (!dryRun) {
                // Serialise the saves of this school (on every node) so two saves cannot both pass the conflict check.
                em.createNativeQuery("UPDATE zh_t_lock SET locked_at = ?1 WHERE school_id = ?2")
                        .setParameter(1, clock.now().toEpochMilli()).setParameter(2, schoolId).executeUpdate();
            }
            Map<Integer, List<TimetableEntry>> saved = new HashMap<>();
            if (candidates.size() == 1) {
                TimetableEntry only = candidates.get(0).entry();
                saved.put(slot(only), Mapping.atSlot(em, schoolId, only.weekday(), only.lessonNumber()).stream().map(Mapping::toDTO).toList());
            } else if (!candidates.isEmpty()) {
                LocalDate from = candidates.stream().map(c -> c.entry().validFrom()).min(LocalDate::compareTo).orElseThrow();
                LocalDate to = candidates.stream().map(c -> c.entry().validTo() == null ? LocalDate.of(9999, 12, 31) : c.entry().validTo())
                        .max(LocalDate::compareTo).orElseThrow();
                for (var e : Mapping.overlapping(em, "schoolId", java.util.Set.of(schoolId), from, to)) {
                    TimetableEntry dto = Mapping.toDTO(e);
                    saved.computeIfAbsent(slot(dto), k -> new ArrayList<>()).add(dto);
                }
            }
            Map<Integer, List<Candidate>> accepted = new HashMap<>();
            List<Candidate> toWrite = new ArrayList<>();
            List<Clash> clashes = new ArrayList<>();
            int unchanged = 0;
            for (Candidate c : candidates) {
                List<TimetableEntry> atSlot = saved.getOrDefault(slot(c.entry()), List.of());
                if (skipSame && atSlot.stream().anyMatch(e -> EntryValidation.sameLesson(e, c.entry()))) {
                    unchanged++;
                    continue;
                }
                Optional<TimetableEntry> other = TimetableRules.conflict(c.entry(), atSlot, groups);
                if (other.isPresent()) {
                    clashes.add(new Clash(c, other.get(), 0));
                    continue;
                }
                List<Candidate> earlier = accepted.computeIfAbsent(slot(c.entry()), k -> new ArrayList<>());
                Optional<TimetableEntry> inFile = TimetableRules.conflict(c.entry(), earlier.stream().map(Candidate::entry).toList(), groups);
                if (inFile.isPresent()) {
                    int row = earlier.stream().filter(x -> x.entry() == inFile.get()).findFirst().map(Candidate::row).orElse(0);
                    clashes.add(new Clash(c, inFile.get(), row));
                    continue;
                }
                earlier.add(c);
                toWrite.add(c);
            }
            if (!clashes.isEmpty()) {
                throw onClash.apply(clashes);
            }
            long now = clock.now().toEpochMilli();
            List<TimetableEntry> created = new ArrayList<>(toWrite.size());
            List<AuditRecord> records = new ArrayList<>(toWrite.size());
            for (Candidate c : toWrite) {
                TimetableEntry dto = c.entry();
                if (!dryRun) {
                    EntryEntity e = Mapping.toEntity(dto, now);
                    em.persist(e);
                    dto = Mapping.toDTO(e);
                    records.add(new AuditRecord(ENTITY, e.getId(), action, null, dto));
                }
                created.add(dto);
            }
            if (!records.isEmpty()) {
                audit.recordAll(schoolId, records);
            }
            return new Saved(created, unchanged);
        });
    }

    private static int slot(TimetableEntry e) {
        return e.weekday().getValue() * 100 + e.lessonNumber();
    }

    /** Memoised reads of the school's calendar and roster, for the validation of one request. */
    private EntryValidation.Facts facts(String schoolId) {
        Map<Integer, Optional<AcademicYear>> years = new HashMap<>();
        Map<String, Optional<SchoolClass>> classes = new HashMap<>();
        Map<Integer, List<Group>> groups = new HashMap<>();
        Map<String, Optional<Person>> persons = new HashMap<>();
        return new EntryValidation.Facts() {
            @Override
            public Optional<AcademicYear> year(int year) {
                return years.computeIfAbsent(year, y -> calendar.year(schoolId, y));
            }

            @Override
            public Optional<SchoolClass> schoolClass(String classId) {
                return classes.computeIfAbsent(classId, roster::schoolClass);
            }

            @Override
            public List<Group> groups(int year) {
                return groups.computeIfAbsent(year, y -> roster.groups(schoolId, y));
            }

            @Override
            public Optional<Person> person(String personId) {
                return persons.computeIfAbsent(personId, roster::person);
            }
        };
    }

    /** Class and group names and staff codes and names of the school's year, read once per import. */
    private TimetableCsv.Directory directory(String schoolId, int year) {
        Map<String, String> classes = new HashMap<>();
        roster.classes(schoolId, year).forEach(c -> classes.put(c.name().toUpperCase(Locale.ROOT), c.id()));
        Map<String, String> groups = new HashMap<>();
        roster.groups(schoolId, year).forEach(g -> groups.putIfAbsent(g.name().strip().toLowerCase(Locale.ROOT), g.id()));
        Map<String, String> codes = new HashMap<>();
        Map<String, List<String>> names = new HashMap<>();
        for (Person s : rosterService.staff(schoolId)) {
            if (s.externalId() != null) {
                codes.put(s.externalId().strip().toLowerCase(Locale.ROOT), s.id());
            }
            names.computeIfAbsent(TimetableCsv.normalName(s.fullName()), k -> new ArrayList<>()).add(s.id());
        }
        return new TimetableCsv.Directory() {
            @Override
            public Optional<String> classId(String name) {
                return Optional.ofNullable(classes.get(name));
            }

            @Override
            public Optional<String> groupId(String name) {
                return Optional.ofNullable(groups.get(name.strip().toLowerCase(Locale.ROOT)));
            }

            @Override
            public List<String> teachers(String codeOrName) {
                String code = codes.get(codeOrName.strip().toLowerCase(Locale.ROOT));
                return code != null ? List.of(code) : names.getOrDefault(TimetableCsv.normalName(codeOrName), List.of());
            }
        };
    }

    /** The school's lock row exists from its first save on; two first saves racing to create it are harmless. */
    private void ensureLockRow(String schoolId) {
        try {
            jpa.tx(TransactionType.RequiresNew, em -> {
                Number n = (Number) em.createNativeQuery("SELECT COUNT(*) FROM zh_t_lock WHERE school_id = ?1")
                        .setParameter(1, schoolId).getSingleResult();
                if (n.intValue() == 0) {
                    em.createNativeQuery("INSERT INTO zh_t_lock (school_id, locked_at) VALUES (?1, ?2)")
                            .setParameter(1, schoolId).setParameter(2, clock.now().toEpochMilli()).executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            // Another save created the row at the same moment: the row exists, which is all we need.
        }
    }

    private ProblemException conflict(TimetableEntry candidate, TimetableEntry other, Function<String, Group> groups) {
        return ProblemException.conflict("timetable-conflict", Text.of(
                "Conflict: " + why(candidate, other) + " " + TimetableRules.describe(other, id -> nameOf(id, groups)),
                Messages.capitalized(whyRu(candidate, other)) + " " + TimetableRules.describeRu(other, id -> nameOf(id, groups))));
    }

    /** What two clashing lessons share, judged once for every wording of the clash. */
    private enum Shared {
        TEACHER("the teacher already teaches", "у учителя в это время уже есть урок", "тот же учитель"),
        ROOM("the room is already taken by", "кабинет в это время уже занят уроком", "тот же кабинет"),
        CLASS("the class already has", "у класса в это время уже есть урок", "тот же класс"),
        GROUP("the class already has", "у группы в это время уже есть урок", "та же группа");

        /** The start of a sentence leading to the other lesson, in English and in Russian; the Russian after it. */
        final String why;
        final String whyRu;
        final String sameRu;

        Shared(String why, String whyRu, String sameRu) {
            this.why = why;
            this.whyRu = whyRu;
            this.sameRu = sameRu;
        }

        static Shared of(TimetableEntry candidate, TimetableEntry other) {
            if (other.teacherId().equals(candidate.teacherId())) {
                return TEACHER;
            } else if (candidate.room() != null && other.room() != null && candidate.room().equalsIgnoreCase(other.room())) {
                return ROOM;
            }
            return candidate.classId() != null ? CLASS : GROUP;
        }
    }

    /** @return why {@code candidate} clashes with {@code other}, as the start of a sentence */
    private static String why(TimetableEntry candidate, TimetableEntry other) {
        return Shared.of(candidate, other).why;
    }

    /** {@link #why} in Russian, leading to the other lesson: «у учителя в это время уже есть урок» «Математика» … */
    private static String whyRu(TimetableEntry candidate, TimetableEntry other) {
        return Shared.of(candidate, other).whyRu;
    }

    /** {@link #why} in Russian, after the other lesson: «тот же учитель» */
    private static String sameRu(TimetableEntry candidate, TimetableEntry other) {
        return Shared.of(candidate, other).sameRu;
    }

    /** Ends an entry from {@code date} (it last applies the day before); the past stays as it was. */
    public TimetableEntry end(String entryId, EndEntry body) {
        ZhurnalPrincipal p = caller();
        return write( em -> {
            EntryEntity e = entryId == null ? null : em.find(EntryEntity.class, entryId);
            if (e == null || !access.mayRead(p, e.getSchoolId())) {
                throw ProblemException.notFound("Timetable entry", entryId);
            }
            access.require(p, e.getSchoolId(), Action.ADMINISTER);
            if (body == null || body.date() == null) {
                throw ProblemException.invalid("date", Text.of("date is required: the first day the entry no longer applies",
                        "Укажите дату — первый день, когда этого урока в расписании уже нет"));
            }
            TimetableEntry before = Mapping.toDTO(e);
            if (!body.date().isAfter(before.validFrom())) {
                throw ProblemException.invalid("date", Text.of("date comes after validFrom " + before.validFrom() + "; the past is not rewritten",
                        "Дата должна быть позже начала действия урока (" + Text.date(before.validFrom()) + "): прошлое не переписывается"));
            }
            if (before.validTo() != null && body.date().isAfter(before.validTo())) {
                throw ProblemException.invalid("date", Text.of("The entry already ends on " + before.validTo(),
                        "Урок и так стоит в расписании только по " + Text.date(before.validTo())));
            }
            requireNoRecords(e.getId(), body.date(), before.validTo() != null ? before.validTo() : body.date().plusYears(1),
                    Text.of("The entry cannot end on " + body.date(), "Урок нельзя убрать из расписания с " + Text.date(body.date())));
            e.setValidTo(body.date().minusDays(1).toString());
            e.setUpdatedAt(clock.now().toEpochMilli());
            TimetableEntry after = Mapping.toDTO(e);
            audit.record(e.getSchoolId(), ENTITY, e.getId(), "end", before, after);
            return after;
        });
    }

    /**
     * Substitutes, moves, cancels or restores one lesson occurrence. ADMINISTER on the school. The substitute
     * and the new room must be free at that lesson on that date (409 naming the clash); the revision grows on
     * every change, so calendar clients see the new version.
     */
    public Lesson changeLesson(String occurrenceId, ChangeLesson body) {
        ZhurnalPrincipal p = caller();
        Lesson planned = query.lesson(occurrenceId).orElse(null);
        TimetableEntry entry = planned == null ? null : jpa.txExpr(TransactionType.Supports, em -> {
            EntryEntity e = em.find(EntryEntity.class, planned.entryId());
            return e == null ? null : Mapping.toDTO(e);
        });
        if (entry == null || !access.mayRead(p, entry.schoolId())) {
            throw ProblemException.notFound("Lesson", occurrenceId);
        }
        String schoolId = entry.schoolId();
        access.require(p, schoolId, Action.ADMINISTER);
        if (body == null) {
            throw ProblemException.invalid("body", NO_BODY);
        }
        List<Violation> v = new ArrayList<>();
        String kind = body.kind() == null ? "" : body.kind().trim().toUpperCase(Locale.ROOT);
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
        String substitute = body.substituteTeacherId() == null || body.substituteTeacherId().isBlank() ? null : body.substituteTeacherId().trim();
        String room = body.room() == null || body.room().isBlank() ? null : body.room().trim();
        switch (kind) {
            case LessonChange.SUBSTITUTION -> {
                if (substitute == null && room == null) {
                    v.add(new Violation("substituteTeacherId", Text.of("A substitution names the substitute teacher, another room, or both",
                            "Для замены укажите заменяющего учителя, другой кабинет или и то и другое")));
                }
                if (substitute != null) {
                    Person t = roster.person(substitute).orElse(null);
                    if (t == null || t.kind() != PersonKind.STAFF || !schoolId.equals(t.schoolId())) {
                        v.add(new Violation("substituteTeacherId", Text.of("substituteTeacherId is a staff member of this school",
                                "Заменяющий учитель должен быть сотрудником этой школы")));
                    } else if (substitute.equals(entry.teacherId()) && room == null) {
                        v.add(new Violation("substituteTeacherId", Text.of("The substitute is the lesson's own teacher",
                                "Заменяющий учитель — тот же, кто ведёт этот урок")));
                    }
                }
                if (room != null && room.length() > 50) {
                    v.add(new Violation("room", Text.of("room is at most 50 characters", "Кабинет — не длиннее 50 символов")));
                }
                if (reason == null) {
                    v.add(new Violation("reason", Text.of("reason is required, e.g. «болезнь учителя»",
                            "Укажите причину, например «болезнь учителя»")));
                }
            }
            case LessonChange.CANCELLATION -> {
                if (reason == null) {
                    v.add(new Violation("reason", Text.of("reason is required, e.g. «карантин»", "Укажите причину, например «карантин»")));
                }
                substitute = null;
                room = null;
            }
            case LessonChange.NONE -> {
                substitute = null;
                room = null;
            }
            default -> v.add(new Violation("kind", Text.of("kind is SUBSTITUTION, CANCELLATION or NONE",
                    "Выберите изменение: замена, отмена или восстановление урока")));
        }
        if (reason != null && reason.length() > 500) {
            v.add(new Violation("reason", Text.of("reason is at most 500 characters", "Причина — не длиннее 500 символов")));
        }
        if (!v.isEmpty()) {
            throw ProblemException.invalid(Text.firstOf(v), v);
        }
        if (LessonChange.CANCELLATION.equals(kind)) {
            requireNoRecords(entry.id(), planned.date(), planned.date(), Text.of("The lesson cannot be cancelled", "Урок нельзя отменить"));
        }
        String sub = substitute;
        String newRoom = room;
        ensureLockRow(schoolId);
        Lesson after = write( em -> {
            em.createNativeQuery("UPDATE zh_t_lock SET locked_at = ?1 WHERE school_id = ?2")
                    .setParameter(1, clock.now().toEpochMilli()).setParameter(2, schoolId).executeUpdate();
            if (LessonChange.SUBSTITUTION.equals(kind)) {
                Function<String, Group> groups = groupLookup(schoolId, entry.academicYear());
                if (sub != null && !sub.equals(entry.teacherId())) {
                    query.forTeacher(sub, planned.date(), planned.date()).stream()
                            .filter(l -> l.lessonNumber() == planned.lessonNumber() && !l.cancelled() && !l.entryId().equals(entry.id()))
                            .findFirst().ifPresent(l -> {
                                throw ProblemException.conflict("timetable-conflict", Text.of("Conflict: the substitute already teaches "
                                        + describe(l, groups) + " at that time", "Заменяющий учитель в это время уже ведёт урок "
                                                + describeRu(l, groups)));
                            });
                }
                if (newRoom != null) {
                    query.forRoom(schoolId, newRoom, planned.date(), planned.date()).stream()
                            .filter(l -> l.lessonNumber() == planned.lessonNumber() && !l.cancelled() && !l.entryId().equals(entry.id()))
                            .findFirst().ifPresent(l -> {
                                throw ProblemException.conflict("timetable-conflict", Text.of("Conflict: the room is already taken by "
                                        + describe(l, groups) + " at that time", "Кабинет в это время уже занят уроком "
                                                + describeRu(l, groups)));
                            });
                }
            }
            long now = clock.now().toEpochMilli();
            ChangeEntity c = Mapping.change(em, entry.id(), planned.date()).orElse(null);
            LessonChange before = c == null ? null : Mapping.toDTO(c);
            if (c == null) {
                if (LessonChange.NONE.equals(kind)) {
                    return planned; // nothing was changed: nothing to restore
                }
                c = new ChangeEntity();
                c.setId(UUID.randomUUID().toString());
                c.setSchoolId(schoolId);
                c.setEntryId(entry.id());
                c.setLessonDate(planned.date().toString());
                c.setCreatedAt(now);
                em.persist(c);
            }
            c.setKind(kind);
            c.setSubstituteId(sub);
            c.setRoom(newRoom);
            c.setReason(reason);
            c.setRevision(c.getRevision() + 1);
            c.setUpdatedAt(now);
            LessonChange dto = Mapping.toDTO(c);
            audit.record(schoolId, CHANGE_ENTITY, c.getId(), before == null ? "create" : "update", before, dto);
            Lesson changed = TimetableRules.withChange(planned, dto);
            events.publish(LESSON_CHANGED, schoolId, changed);
            return changed;
        });
        return after;
    }

    private String describe(Lesson l, Function<String, Group> groups) {
        String who = l.classId() != null ? "class " + nameOf(l.classId(), groups) : "group " + nameOf(l.groupId(), groups);
        return "«" + l.subject() + "» (" + who + ", " + l.date() + ", lesson " + l.lessonNumber() + (l.room() == null ? "" : ", room " + l.room())
                + ", " + l.occurrenceId() + ")";
    }

    /** {@link #describe(Lesson, Function)} in Russian: «Математика» (5А, 16.11.2026, 1-й урок, кабинет 12) */
    private String describeRu(Lesson l, Function<String, Group> groups) {
        String who = l.classId() != null ? nameOf(l.classId(), groups) : "группа «" + nameOf(l.groupId(), groups) + "»";
        return "«" + l.subject() + "» (" + who + ", " + Text.date(l.date()) + ", " + Messages.lesson(l.lessonNumber())
                + (l.room() == null ? "" : ", кабинет " + l.room()) + ")";
    }

    /** The school's lesson changes in a date range, by date. READ on the school. */
    public List<LessonChange> changes(String schoolId, LocalDate from, LocalDate to) {
        access.require(caller(), schoolId, Action.READ);
        return query.changes(schoolId, from, to);
    }

    /** The school's entries in week order, optionally of one class or teacher, optionally valid on {@code date}. */
    public List<TimetableEntry> list(String schoolId, String classId, String teacherId, LocalDate date) {
        access.require(caller(), schoolId, Action.READ);
        return jpa.txExpr(TransactionType.Supports,
                em -> Mapping.list(em, schoolId, classId, teacherId, date).stream().map(Mapping::toDTO)
                        .sorted(BY_SLOT).toList());
    }

    /** Every lesson of the school in a date range (at most 370 days). READ on the school. */
    public List<Lesson> schoolLessons(String schoolId, LocalDate from, LocalDate to) {
        access.require(caller(), schoolId, Action.READ);
        return query.forSchool(schoolId, from, to);
    }

    public List<Lesson> classLessons(String classId, LocalDate from, LocalDate to) {
        ZhurnalPrincipal p = caller();
        SchoolClass c = classId == null ? null : roster.schoolClass(classId).orElse(null);
        if (c == null || !authorization.permits(p, Action.READ, ScopeRef.schoolClass(classId))) {
            throw ProblemException.notFound("Class", classId);
        }
        return query.forClass(classId, from, to);
    }

    public List<Lesson> studentLessons(String personId, LocalDate from, LocalDate to) {
        ZhurnalPrincipal p = caller();
        Person s = personId == null ? null : roster.person(personId).orElse(null);
        if (s == null || s.kind() != PersonKind.STUDENT || !authorization.permits(p, Action.READ, ScopeRef.student(personId))) {
            throw ProblemException.notFound("Student", personId);
        }
        return query.forStudent(s, from, to);
    }

    public List<Lesson> teacherLessons(String personId, LocalDate from, LocalDate to) {
        ZhurnalPrincipal p = caller();
        Person t = personId == null ? null : roster.person(personId).orElse(null);
        boolean visible = t != null && t.kind() == PersonKind.STAFF && t.schoolId() != null
                && (authorization.permits(p, Action.READ, ScopeRef.school(t.schoolId()))
                        || accounts.byId(p.accountId()).map(AccountInfo::personId).map(personId::equals).orElse(false));
        if (!visible) {
            throw ProblemException.notFound("Teacher", personId);
        }
        return query.forTeacher(personId, from, to);
    }
}
