package org.zhurnal.diary.internal.rest;

import static org.zhurnal.core.api.rest.QueryParams.date;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ScopeType;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.diary.api.DiaryPeriod;
import org.zhurnal.diary.api.DiaryQuery;
import org.zhurnal.diary.api.DiaryWeek;
import org.zhurnal.diary.internal.Channels;
import org.zhurnal.diary.internal.DeliveryFailures;
import org.zhurnal.diary.internal.Outbox;
import org.zhurnal.diary.internal.OutboxSender;
import org.zhurnal.diary.internal.Preferences;
import org.zhurnal.diary.internal.Printouts;
import org.zhurnal.diary.internal.Visits;
import org.zhurnal.diary.spi.NotificationChannel;
import org.zhurnal.gradebook.api.AbsenceCode;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.roster.api.AcademicYears;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.security.api.AccountService;

/**
 * The diary over REST, under {@code /api/v1/diary}. A parent reads only their children, a student only
 * themself, a class teacher their class: every student-scoped call checks READ on the student first, so another
 * family's child gets 403 without a byte of data.
 */
@Component(service = RestResource.class)
@Path("diary")
@Produces(MediaType.APPLICATION_JSON)
public class DiaryResource implements RestResource {
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final DiaryQuery diary;
    private final RosterQuery roster;
    private final Authorization authorization;
    private final AccountService accounts;
    private final Preferences preferences;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final Printouts printouts;
    private final Visits visits;
    private final ZhurnalClock clock;
    private final Channels channels;
    private final GradebookQuery gradebook;
    private final org.zhurnal.diary.internal.ReportCards cards;

    @Activate
    public DiaryResource(@Reference DiaryQuery diary, @Reference RosterQuery roster, @Reference Authorization authorization,
            @Reference AccountService accounts, @Reference Preferences preferences, @Reference Outbox outbox, @Reference OutboxSender sender,
            @Reference ZhurnalClock clock, @Reference Channels channels, @Reference Printouts printouts, @Reference Visits visits,
            @Reference GradebookQuery gradebook, @Reference org.zhurnal.diary.internal.ReportCards cards) {
        this.cards = cards;
        this.gradebook = gradebook;
        this.visits = visits;
        this.channels = channels;
        this.printouts = printouts;
        this.diary = diary;
        this.roster = roster;
        this.authorization = authorization;
        this.accounts = accounts;
        this.preferences = preferences;
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
    }

    /** A child (or the student themself) whose diary the caller reads. */
    public record Child(String studentId, String name, String className, String schoolId) {
    }

    /** The students whose diary the caller has: a parent's children, a student themself. */
    @GET
    @Path("children")
    public List<Child> children() {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        Set<String> ids = new LinkedHashSet<>();
        for (Grant g : p.grants()) {
            if ((g.role() == Role.PARENT || g.role() == Role.STUDENT) && g.scope().type() == ScopeType.STUDENT) {
                ids.add(g.scope().id());
            }
        }
        LocalDate today = clock.today();
        List<Child> children = new ArrayList<>();
        for (String id : ids) {
            roster.person(id).ifPresent(s -> children.add(new Child(s.id(), s.lastName() + " " + s.firstName(),
                    roster.classesOfStudent(s.id(), today).stream().findFirst().map(SchoolClass::name).orElse(null), s.schoolId())));
        }
        return children;
    }

    /** The student's week (Monday to Sunday) around {@code date} (default today). */
    @GET
    @Path("students/{studentId}/week")
    public DiaryWeek week(@PathParam("studentId") String studentId, @QueryParam("date") String date) {
        requireStudent(studentId, Action.READ);
        DiaryWeek w = diary.week(studentId, day(date)).orElseThrow(() -> ProblemException.notFound("Student", studentId));
        noteFamilyVisit(studentId);
        return w;
    }

    /** The student's reporting period around {@code date} (default today): marks, averages, forecasts, grades. */
    @GET
    @Path("students/{studentId}/period")
    public DiaryPeriod period(@PathParam("studentId") String studentId, @QueryParam("date") String date) {
        requireStudent(studentId, Action.READ);
        LocalDate day = day(date);
        DiaryPeriod p = diary.period(studentId, day).orElseThrow(() -> roster.person(studentId).isEmpty() ? ProblemException.notFound("Student",
                studentId) : ProblemException.notFound("Reporting period on", day.toString()));
        noteFamilyVisit(studentId);
        return p;
    }

    /**
     * The student's report card of an academic year ({@code year}: its first calendar year, this year by default): the
     * confirmed period, year, exam and final grades per subject, the periods in the year's order, and the years there are
     * cards of — last year's results without paging back week by week.
     */
    @GET
    @Path("students/{studentId}/year")
    public org.zhurnal.diary.internal.ReportCards.ReportCard year(@PathParam("studentId") String studentId, @QueryParam("year") String year) {
        requireStudent(studentId, Action.READ);
        int y = AcademicYears.parse("year", year, clock.today());
        org.zhurnal.diary.internal.ReportCards.ReportCard card = cards.of(studentId, y)
                .orElseThrow(() -> ProblemException.notFound("Student", studentId));
        noteFamilyVisit(studentId);
        return card;
    }

    /**
     * The attendance reference book of the student's school (code, the school's label, category), so that the diary names an
     * absence as the journal does («пропуск по болезни»), not by its bare code; read through the gradebook's query service.
     */
    @GET
    @Path("students/{studentId}/absence-codes")
    public List<AbsenceCode> absenceCodes(@PathParam("studentId") String studentId) {
        requireStudent(studentId, Action.READ);
        Person student = roster.person(studentId).orElseThrow(() -> ProblemException.notFound("Student", studentId));
        return gradebook.absenceCodes(student.schoolId());
    }

    /** The caller's own notification choices about the student, per channel. */
    @GET
    @Path("students/{studentId}/preferences")
    public List<Preferences.Preference> preferences(@PathParam("studentId") String studentId) {
        Person me = requireFamilyMember(studentId);
        var stored = preferences.stored(studentId);
        return channels.all().stream().map(c -> preferences.of(me, studentId, c.id(), c.contactKind(), stored)).toList();
    }

    /** Body of a preference change. */
    public record PreferenceChange(String channel, String mode) {
    }

    /** Sets the caller's choice: {@code {channel?: "email", mode: INSTANT|DAILY|WEEKLY|NONE}}. */
    @PUT
    @Path("students/{studentId}/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    public Preferences.Preference setPreference(@PathParam("studentId") String studentId, PreferenceChange body) {
        Person me = requireFamilyMember(studentId);
        if (body == null) {
            throw ProblemException.invalid("mode", Text.of("a body {channel, mode} is required",
                    "Не переданы данные запроса: способ и частота оповещений"));
        }
        // A missing mode is a 400 naming it (checked first: {"channel":"email"} lacks the mode, not a channel).
        String mode = Preferences.mode(body.mode());
        String channelId = body.channel() == null || body.channel().isBlank() ? "email" : body.channel().trim();
        NotificationChannel channel = channels.get(channelId).orElseThrow(() -> ProblemException.invalid("channel",
                Text.of("unknown channel " + channelId, "Неизвестный способ оповещения «" + channelId + "»")));
        Person student = roster.person(studentId).orElseThrow(() -> ProblemException.notFound("Student", studentId));
        return preferences.set(student.schoolId(), me, studentId, channel.id(), channel.contactKind(), mode);
    }

    /** A class whose families' notifications the caller follows. */
    public record ClassRef(String id, String name) {
    }

    /** The classes the caller leads (class teacher) or oversees (deputy director, coordinator: the school's current ones). */
    @GET
    @Path("classes")
    public List<ClassRef> classes() {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        int year = RosterQuery.academicYearOf(clock.today());
        java.util.Map<String, ClassRef> found = new java.util.LinkedHashMap<>();
        for (Grant g : p.grants()) {
            if (g.role() == Role.CLASS_TEACHER && g.scope().type() == ScopeType.CLASS) {
                roster.schoolClass(g.scope().id()).ifPresent(c -> found.put(c.id(), new ClassRef(c.id(), c.name())));
            } else if ((g.role() == Role.DEPUTY_DIRECTOR || g.role() == Role.SCHOOL_COORDINATOR) && g.scope().type() == ScopeType.SCHOOL) {
                roster.classes(g.scope().id(), year).forEach(c -> found.put(c.id(), new ClassRef(c.id(), c.name())));
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * A message of the delivery log: the outbox message, and why it is not delivered yet in the caller's language
     * ({@code failure}: «Почтовый сервер недоступен; письмо будет отправлено повторно»), beside the technical {@code lastError}
     * for an administrator.
     */
    public record Delivery(String id, String schoolId, String studentId, String recipientId, String recipientName, String channel,
            String address, String kind, String subject, String body, String status, int attempts, Instant nextAttemptAt,
            String lastError, String failure, Instant createdAt, Instant sentAt) {
        static Delivery of(Outbox.Message m, java.util.Locale language) {
            Text failure = DeliveryFailures.explain(m.channel(), m.status(), m.lastError());
            return new Delivery(m.id(), m.schoolId(), m.studentId(), m.recipientId(), m.recipientName(), m.channel(), m.address(), m.kind(),
                    m.subject(), m.body(), m.status(), m.attempts(), m.nextAttemptAt(), m.lastError(),
                    failure == null ? null : failure.in(language), m.createdAt(), m.sentAt());
        }
    }

    /** The delivery log of a class: every message about its students from {@code from} to {@code to} (default: last 30 days). */
    @GET
    @Path("classes/{classId}/deliveries")
    public List<Delivery> deliveries(@PathParam("classId") String classId, @QueryParam("from") String from, @QueryParam("to") String to,
            @HeaderParam("Accept-Language") String language) {
        SchoolClass c = requireClass(classId);
        LocalDate last = inRange("to", date("to", to) == null ? clock.today() : date("to", to));
        LocalDate first = inRange("from", date("from", from) == null ? last.minusDays(30) : date("from", from));
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", Text.of("to is before from", "Дата окончания раньше даты начала"));
        }
        Set<String> students = new LinkedHashSet<>();
        roster.studentsOfClass(c.id(), first).forEach(s -> students.add(s.id()));
        roster.studentsOfClass(c.id(), last).forEach(s -> students.add(s.id()));
        Instant start = first.atStartOfDay(clock.zone()).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(clock.zone()).toInstant();
        java.util.Locale reader = Text.preferred(language);
        return outbox.ofStudents(students, start, end).stream().map(m -> Delivery.of(m, reader)).toList();
    }

    /** Who in the class gets the week's printout ({@code week}: any day of it; default the week now due) and what was handed over. */
    @GET
    @Path("classes/{classId}/printouts")
    public Printouts.ClassPrintouts printouts(@PathParam("classId") String classId, @QueryParam("week") String week) {
        SchoolClass c = requireClass(classId);
        return printouts.list(c, week(week));
    }

    /** The class's printouts of the week as one PDF (A4, a page per student). */
    @GET
    @Path("classes/{classId}/printouts.pdf")
    @Produces("application/pdf")
    public javax.ws.rs.core.Response printoutsPdf(@PathParam("classId") String classId, @QueryParam("week") String week) {
        SchoolClass c = requireClass(classId);
        LocalDate w = week(week);
        return pdf(printouts.render(List.of(c), w), "printouts-" + c.name() + "-" + w + ".pdf");
    }

    /** The printouts of every class of the school for the week (deputy director, coordinator). */
    @GET
    @Path("schools/{schoolId}/printouts.pdf")
    @Produces("application/pdf")
    public javax.ws.rs.core.Response schoolPrintoutsPdf(@PathParam("schoolId") String schoolId, @QueryParam("week") String week) {
        authorization.check(CallContext.requirePrincipal(), Action.ADMINISTER, ScopeRef.school(schoolId));
        LocalDate w = week(week);
        List<SchoolClass> classes = roster.classes(schoolId, RosterQuery.academicYearOf(w)).stream()
                .sorted(java.util.Comparator.comparingInt(SchoolClass::grade).thenComparing(SchoolClass::letter)).toList();
        return pdf(printouts.render(classes, w), "printouts-" + w + ".pdf");
    }

    /**
     * Records that the student's printout of the week was handed over to the family: 409 for a week whose printouts are not
     * ready yet (before its ready weekday), 400 for a student who gets none.
     */
    @PUT
    @Path("classes/{classId}/printouts/{studentId}")
    public Printouts.Recipient handOver(@PathParam("classId") String classId, @PathParam("studentId") String studentId,
            @QueryParam("week") String week) {
        SchoolClass c = requireClass(classId);
        return printouts.handOver(c, studentId, week(week), CallContext.requirePrincipal().login());
    }

    private LocalDate week(String week) {
        LocalDate d = date("week", week);
        return inRange("week", d == null ? printouts.currentWeek() : d);
    }

    private static javax.ws.rs.core.Response pdf(byte[] bytes, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return javax.ws.rs.core.Response.ok(bytes, "application/pdf").header("Content-Disposition", "attachment; filename=\"" + ascii
                + "\"; filename*=UTF-8''" + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    /** The class, which the caller must administer (its class teacher, the school's deputy director or coordinator). */
    private SchoolClass requireClass(String classId) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        authorization.check(p, Action.ADMINISTER, ScopeRef.schoolClass(classId));
        return roster.schoolClass(classId).orElseThrow(() -> ProblemException.notFound("Class", classId));
    }

    /** Puts a failed message back in the queue (a class teacher of the student, or above). */
    @POST
    @Path("outbox/{messageId}/retry")
    public javax.ws.rs.core.Response retry(@PathParam("messageId") String messageId) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        Outbox.Message m = outbox.find(messageId).orElseThrow(() -> ProblemException.notFound("Message", messageId));
        authorization.check(p, Action.ADMINISTER, m.studentId() == null ? ScopeRef.school(m.schoolId()) : ScopeRef.student(m.studentId()));
        if (!outbox.retry(messageId)) {
            throw ProblemException.conflict("not-failed", Text.of("Only a failed message can be retried; this one is " + m.status(),
                    "Повторно отправить можно только недоставленное оповещение, а это оповещение " + statusRu(m.status())));
        }
        return javax.ws.rs.core.Response.noContent().build();
    }

    /** Body of a digest run. */
    public record DigestRun(String mode, String date) {
    }

    /** Queues the daily or weekly digests of a day now (operators; the scheduler does it at the digest time). */
    @POST
    @Path("digests")
    @Consumes(MediaType.APPLICATION_JSON)
    public java.util.Map<String, Object> runDigests(DigestRun body) {
        authorization.check(CallContext.requirePrincipal(), Action.ADMINISTER, ScopeRef.SYSTEM);
        if (body == null || !(Preferences.DAILY.equals(body.mode()) || Preferences.WEEKLY.equals(body.mode()))) {
            throw ProblemException.invalid("mode", Text.of("mode is DAILY or WEEKLY", "Выберите режим сводки: раз в день или раз в неделю"));
        }
        LocalDate day = inRange("date", date("date", body.date()) == null ? clock.today() : date("date", body.date()));
        int queued = sender.queueDigests(body.mode(), day);
        return java.util.Map.of("mode", body.mode(), "date", day.toString(), "queued", queued);
    }

    /** A parent's or the student's own view counts as the family opening the diary (a teacher's does not). */
    private void noteFamilyVisit(String studentId) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        for (Grant g : p.grants()) {
            if ((g.role() == Role.PARENT || g.role() == Role.STUDENT) && g.scope().equals(ScopeRef.student(studentId))) {
                visits.record(p.accountId(), studentId, () -> roster.person(studentId).map(Person::schoolId).orElse(null), g.role().name());
                return;
            }
        }
    }

    /** Whether the class's families were reached from {@code from} to {@code to} (default: the last 7 days). */
    @GET
    @Path("classes/{classId}/reach")
    public List<org.zhurnal.diary.api.FamilyReach> reach(@PathParam("classId") String classId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        SchoolClass c = requireClass(classId);
        LocalDate last = inRange("to", date("to", to) == null ? clock.today() : date("to", to));
        LocalDate first = inRange("from", date("from", from) == null ? last.minusDays(6) : date("from", from));
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", Text.of("to is before from", "Дата окончания раньше даты начала"));
        }
        Set<String> students = new LinkedHashSet<>();
        roster.studentsOfClass(c.id(), first).forEach(s -> students.add(s.id()));
        roster.studentsOfClass(c.id(), last).forEach(s -> students.add(s.id()));
        return diary.reach(students, first, last);
    }

    private LocalDate day(String date) {
        LocalDate d = date("date", date);
        return inRange("date", d == null ? clock.today() : d);
    }

    /** An outbox message's state as the deliveries page names it. */
    private static String statusRu(String status) {
        return switch (status == null ? "" : status) {
            case Outbox.PENDING -> "ещё в очереди";
            case Outbox.SENT -> "уже доставлено";
            case Outbox.SENDING -> "сейчас отправляется";
            default -> "в состоянии «" + status + "»";
        };
    }

    static LocalDate inRange(String field, LocalDate d) {
        if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
            throw ProblemException.invalid(field, Text.of(field + " must be between " + EARLIEST + " and " + LATEST,
                    ("from".equals(field) ? "Дата начала" : "to".equals(field) ? "Дата окончания" : "Дата") + " должна быть между "
                            + RU_DATE.format(EARLIEST) + " и " + RU_DATE.format(LATEST)));
        }
        return d;
    }

    private void requireStudent(String studentId, Action action) {
        authorization.check(CallContext.requirePrincipal(), action, ScopeRef.student(studentId));
    }

    /** The caller's person, who must be a guardian of the student or the student. */
    private Person requireFamilyMember(String studentId) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        requireStudent(studentId, Action.READ);
        String personId = accounts.byId(p.accountId()).map(a -> a.personId()).orElse(null);
        boolean family = personId != null && (personId.equals(studentId)
                || roster.guardiansOf(studentId).stream().anyMatch(g -> g.guardian().id().equals(personId)));
        if (!family) {
            throw ProblemException.forbidden(Text.of("Only the student and their guardians choose how they are notified",
                    "Оповещения настраивают только сам ученик и его родители"));
        }
        return roster.person(personId).orElseThrow(() -> ProblemException.notFound("Person", personId));
    }
}
