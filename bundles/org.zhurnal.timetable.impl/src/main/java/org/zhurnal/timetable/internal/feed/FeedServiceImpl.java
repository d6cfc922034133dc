package org.zhurnal.timetable.internal.feed;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.internal.TimetableServiceImpl;
import org.zhurnal.timetable.internal.entity.FeedEntity;

/**
 * Secret iCalendar feed links. A signed-in user creates a link for a class, a teacher or a student whose
 * lessons they may read (the same checks as the lesson endpoints, done by {@link TimetableServiceImpl});
 * the link carries a 256-bit token of which only the SHA-256 is stored. Fetching the feed needs no session:
 * the token names the link, and the lessons are then read <em>as the link's owner</em> (their current
 * grants, bound with {@link CallContext}), so a link stops working when its owner's account is disabled or
 * loses access. Creating and revoking are audited; the token never is.
 */
@Component(service = FeedServiceImpl.class, configurationPid = "org.zhurnal.timetable.feeds", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FeedServiceImpl.Config.class)
public class FeedServiceImpl {
    static final String ENTITY = "timetable-feed";

    @ObjectClassDefinition(name = "Zhurnal timetable feeds", description = "Secret iCalendar feed links of the timetable")
    public @interface Config {
        @AttributeDefinition(description = "Whole weeks before the current one that a feed shows")
        int weeksBack() default 2;

        @AttributeDefinition(description = "Whole weeks after the current one that a feed shows")
        int weeksAhead() default 8;

        @AttributeDefinition(description = "Links one account may have at a time (revoked ones do not count)")
        int maxLinksPerAccount() default 20;

        @AttributeDefinition(description = "Public base URL of the API, e.g. https://school.example.org/api/v1/ ; "
                + "empty: taken from the request that creates the link")
        String publicApiUrl() default "";
    }

    /** What a feed shows. */
    public enum Kind { CLASS, TEACHER, STUDENT }

    /** Body of creating a link: {@code kind} CLASS, TEACHER or STUDENT and the class's or person's id. */
    public record NewFeed(String kind, String id) {}

    /**
     * A feed link as its owner sees it.
     *
     * @param id the link's id (for revoking)
     * @param kind CLASS, TEACHER or STUDENT
     * @param subjectId the class or person
     * @param name the class's or person's name
     * @param createdAt when it was created
     * @param url the secret feed URL: only in the answer to creating the link, {@code null} otherwise
     */
    public record FeedLink(String id, String kind, String subjectId, String name, Instant createdAt, String url) {}

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final Authorization authorization;
    private final TenantService tenants;
    private final RosterQuery roster;
    private final AccountService accounts;
    private final TimetableServiceImpl timetable;
    private final FeedTokens tokens = new FeedTokens();
    private final IcalWriter writer = new IcalWriter();
    private volatile Config config;

    @Activate
    public FeedServiceImpl(@Reference(target = "(osgi.unit.name=zhurnal-timetable)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference Authorization authorization, @Reference TenantService tenants,
            @Reference RosterQuery roster, @Reference AccountService accounts, @Reference TimetableServiceImpl timetable, Config config) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.authorization = authorization;
        this.tenants = tenants;
        this.roster = roster;
        this.accounts = accounts;
        this.timetable = timetable;
        this.config = config;
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    /**
     * Creates a link for the caller. 400 naming the field for bad input, 404 when the caller may not read
     * the subject's lessons (as the lesson endpoints), 409 beyond {@link Config#maxLinksPerAccount()}.
     *
     * @param requestApiUrl the API's base URL as the request reached it (used unless configured)
     * @return the link with its secret URL, which is not shown again
     */
    public FeedLink create(NewFeed body, String requestApiUrl) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        if (body == null) {
            throw ProblemException.invalid("body", Text.of("A JSON body is required: {kind, id}",
                    "Пустой запрос: нужны данные в формате JSON {kind, id}"));
        }
        Kind kind = kind(body.kind());
        if (body.id() == null || body.id().isBlank()) {
            throw ProblemException.invalid("id", Text.of("id is the class's or person's id", "Укажите идентификатор класса или человека"));
        }
        String subjectId = body.id().trim();
        LocalDate today = clock.today();
        lessons(kind, subjectId, today, today); // the lesson endpoints' access check: 404 outside the caller's scope
        String schoolId = schoolOf(kind, subjectId);
        Config c = config;
        String token = tokens.next();
        FeedLink link = jpa.txExpr(TransactionType.Required, em -> {
            Number active = (Number) em.createQuery("select count(f) from FeedEntity f where f.ownerAccountId = :o and f.revokedAt is null")
                    .setParameter("o", p.accountId()).getSingleResult();
            if (active.intValue() >= c.maxLinksPerAccount()) {
                throw ProblemException.conflict("too-many-feeds", Text.of("You already have " + active + " calendar links; revoke one first",
                        "У вас уже наибольшее число ссылок на календарь (" + active + "); сначала отзовите одну из них"));
            }
            FeedEntity f = new FeedEntity();
            f.setId(UUID.randomUUID().toString());
            f.setTokenHash(FeedTokens.hash(token));
            f.setOwnerAccountId(p.accountId());
            f.setSchoolId(schoolId);
            f.setSubjectKind(kind.name());
            f.setSubjectId(subjectId);
            f.setCreatedAt(clock.now().toEpochMilli());
            em.persist(f);
            audit.record(schoolId, ENTITY, f.getId(), "create", null, auditView(f));
            return toDTO(f, null);
        });
        String base = c.publicApiUrl().isBlank() ? requestApiUrl : c.publicApiUrl();
        String url = (base.endsWith("/") ? base : base + "/") + "timetable/feeds/" + token + ".ics";
        return new FeedLink(link.id(), link.kind(), link.subjectId(), nameOf(kind, subjectId), link.createdAt(), url);
    }

    /** @return the caller's working links, oldest first, without their URLs */
    public List<FeedLink> mine() {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        List<FeedEntity> rows = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select f from FeedEntity f where f.ownerAccountId = :o and f.revokedAt is null order by f.createdAt, f.id", FeedEntity.class)
                .setParameter("o", p.accountId()).getResultList());
        return rows.stream().map(f -> toDTO(f, nameOf(Kind.valueOf(f.getSubjectKind()), f.getSubjectId()))).toList();
    }

    /**
     * Revokes a link of the caller (or, for a school administrator, any link of the school); the URL answers
     * 404 from then on. Revoking a revoked link changes nothing. 404 for links the caller may not revoke.
     */
    public void revoke(String id) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        jpa.tx(TransactionType.Required, em -> {
            FeedEntity f = id == null ? null : em.find(FeedEntity.class, id);
            boolean allowed = f != null && (f.getOwnerAccountId().equals(p.accountId())
                    || authorization.permits(p, Action.ADMINISTER, ScopeRef.school(f.getSchoolId())));
            if (!allowed) {
                throw ProblemException.notFound("Calendar link", id);
            }
            if (f.getRevokedAt() != null) {
                return;
            }
            Map<String, Object> before = auditView(f);
            f.setRevokedAt(clock.now().toEpochMilli());
            audit.record(f.getSchoolId(), ENTITY, f.getId(), "revoke", before, auditView(f));
        });
    }

    /**
     * The feed behind a token, read as the link's owner. Empty (the caller answers 404, telling nothing more)
     * for a malformed, unknown or revoked token, a disabled or deleted owner, or an owner who lost access.
     */
    public Optional<String> render(String token) {
        if (!FeedTokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = FeedTokens.hash(token);
        FeedEntity f = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select f from FeedEntity f where f.tokenHash = :h and f.revokedAt is null", FeedEntity.class)
                .setParameter("h", hash).getResultList().stream().findFirst().orElse(null));
        AccountInfo owner = f == null ? null : accounts.byId(f.getOwnerAccountId()).orElse(null);
        if (owner == null || owner.disabled()) {
            return Optional.empty();
        }
        Kind kind = Kind.valueOf(f.getSubjectKind());
        Optional<School> school = tenants.school(f.getSchoolId());
        ZoneId zone = school.map(School::timeZone).flatMap(FeedServiceImpl::zone).orElse(clock.zone());
        LocalDate monday = LocalDate.ofInstant(clock.now(), zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Config c = config;
        LocalDate from = monday.minusWeeks(c.weeksBack());
        LocalDate to = monday.plusWeeks(c.weeksAhead() + 1L).minusDays(1);
        // The owner's principal as a session of theirs would carry it: their grants as they are now.
        ZhurnalPrincipal asOwner = new ZhurnalPrincipal(owner.id(), owner.login(), owner.displayName(), owner.grants(),
                owner.mustChangePassword());
        List<Lesson> lessons;
        try {
            lessons = new CallContext(asOwner, CallContext.currentOrSystem().requestId()).call(() -> lessons(kind, f.getSubjectId(), from, to));
        } catch (ProblemException e) {
            if (e.status() == 404 || e.status() == 403) {
                return Optional.empty();
            }
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String name = nameOf(kind, f.getSubjectId());
        String calendarName = "Расписание: " + name + school.map(s -> " — " + s.shortName()).orElse("");
        return Optional.of(writer.write(calendarName, zone, clock.now(), lessons, new RosterNames(f.getSchoolId(), from, to)));
    }

    private List<Lesson> lessons(Kind kind, String id, LocalDate from, LocalDate to) {
        return switch (kind) {
            case CLASS -> timetable.classLessons(id, from, to);
            case TEACHER -> timetable.teacherLessons(id, from, to);
            case STUDENT -> timetable.studentLessons(id, from, to);
        };
    }

    private static Kind kind(String value) {
        try {
            return Kind.valueOf(value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", Text.of("kind is CLASS, TEACHER or STUDENT",
                    "Вид календаря — класс (CLASS), учитель (TEACHER) или ученик (STUDENT)"));
        }
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return id == null || id.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private String schoolOf(Kind kind, String id) {
        Optional<String> school = kind == Kind.CLASS ? roster.schoolClass(id).map(SchoolClass::schoolId)
                : roster.person(id).map(Person::schoolId);
        return school.orElseThrow(() -> ProblemException.notFound(kind == Kind.CLASS ? "Class" : "Person", id));
    }

    private String nameOf(Kind kind, String id) {
        Optional<String> name = kind == Kind.CLASS ? roster.schoolClass(id).map(SchoolClass::name) : roster.person(id).map(Person::fullName);
        return name.orElse(id);
    }

    private static FeedLink toDTO(FeedEntity f, String name) {
        return new FeedLink(f.getId(), f.getSubjectKind(), f.getSubjectId(), name, Instant.ofEpochMilli(f.getCreatedAt()), null);
    }

    /** What the audit log keeps of a link: never the token, nor its hash. */
    private static Map<String, Object> auditView(FeedEntity f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ownerAccountId", f.getOwnerAccountId());
        m.put("kind", f.getSubjectKind());
        m.put("subjectId", f.getSubjectId());
        m.put("createdAt", Instant.ofEpochMilli(f.getCreatedAt()).toString());
        m.put("revokedAt", f.getRevokedAt() == null ? null : Instant.ofEpochMilli(f.getRevokedAt()).toString());
        return m;
    }

    /** Names from the roster, each looked up once per feed. */
    private final class RosterNames implements IcalWriter.Names {
        private final Map<String, String> groups = new HashMap<>();
        private final Map<String, String> classes = new HashMap<>();
        private final Map<String, String> people = new HashMap<>();

        RosterNames(String schoolId, LocalDate from, LocalDate to) {
            for (int y = RosterQuery.academicYearOf(from); y <= RosterQuery.academicYearOf(to); y++) {
                for (Group g : roster.groups(schoolId, y)) {
                    groups.put(g.id(), g.name());
                }
            }
        }

        @Override
        public String classOrGroup(Lesson l) {
            if (l.groupId() != null) {
                return groups.get(l.groupId());
            }
            return l.classId() == null ? null
                    : classes.computeIfAbsent(l.classId(), id -> roster.schoolClass(id).map(SchoolClass::name).orElse(null));
        }

        @Override
        public String person(String personId) {
            return personId == null ? null : people.computeIfAbsent(personId, id -> roster.person(id).map(Person::fullName).orElse(null));
        }
    }
}
