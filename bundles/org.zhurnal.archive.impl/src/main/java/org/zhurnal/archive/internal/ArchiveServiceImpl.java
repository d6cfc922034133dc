package org.zhurnal.archive.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.archive.api.ArchiveRequest;
import org.zhurnal.archive.api.ArchiveService;
import org.zhurnal.archive.api.ArchivedDocument;
import org.zhurnal.archive.api.ExportResult;
import org.zhurnal.archive.api.Verification;
import org.zhurnal.archive.api.YearClosing;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.reporting.spi.ReportFormat;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportParameter;
import org.zhurnal.reporting.spi.ReportParameterException;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.reporting.spi.ReportRunner;
import org.zhurnal.roster.api.AcademicYears;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;

/**
 * The signed archive. Reports are checked and rendered by the reporting module's {@link ReportRunner} — the very
 * checks of an inline run — and must name only this school's classes; the result is stored with its
 * record and a detached CMS signature over the record's canonical {@link Manifest}, made with the deployment's key
 * from a PKCS #12 keystore (PID {@value #PID}). One key serves every school of the deployment.
 * <p>When no keystore is configured, a self-signed key is generated once into {@code ${karaf.etc}/zhurnal-archive.p12}
 * (with a warning): enough for a demo, not for a real archive.
 */
@Component(service = ArchiveService.class, configurationPid = ArchiveServiceImpl.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ArchiveServiceImpl.Config.class)
public class ArchiveServiceImpl implements ArchiveService {
    public static final String PID = "org.zhurnal.archive";
    static final String GENERATED = "zhurnal-archive.p12";
    static final String DEFAULT_PASSWORD = "zhurnal-archive";
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveServiceImpl.class);

    @ObjectClassDefinition(name = "Zhurnal archive", description = "The signed document archive: signing key, year report, export targets")
    public @interface Config {
        @AttributeDefinition(description = "PKCS #12 keystore with the signing key; empty = ${karaf.etc}/zhurnal-archive.p12, generated "
                + "self-signed on first use (demo only)", required = false)
        String keystore() default "";

        @AttributeDefinition(description = "Password of the keystore", type = AttributeType.PASSWORD, required = false)
        String keystorePassword() default DEFAULT_PASSWORD;

        @AttributeDefinition(description = "Alias of the signing key's entry", required = false)
        String keyAlias() default "archive";

        @AttributeDefinition(description = "Password of the key; empty = the keystore's", type = AttributeType.PASSWORD, required = false)
        String keyPassword() default "";

        @AttributeDefinition(description = "Report archived for each class when a year is closed", required = false)
        String yearReport() default "summary-sheet";

        @AttributeDefinition(description = "Format of the year report", required = false)
        String yearReportFormat() default "PDF";

        @AttributeDefinition(description = "Parameters of the year report, name=value pairs separated by commas; {classId}, {year} "
                + "and {schoolId} are replaced", required = false)
        String yearReportParameters() default "classId={classId},year={year}";

        @AttributeDefinition(description = "Export targets: directories separated by commas (at least two, on different media)", required = false)
        String exportTargets() default "";
    }

    private final JpaTemplate jpa;
    private final Authorization authorization;
    private final RosterQuery roster;
    private final TenantService tenants;
    private final AuditLog audit;
    private final ZhurnalClock clock;
    private final ReportRunner runner;
    private volatile Config config;
    private volatile Signer signer;
    private volatile String keyError;

    private final CalendarQuery calendar;

    @Activate
    public ArchiveServiceImpl(@Reference(target = "(osgi.unit.name=zhurnal-archive)") JpaTemplate jpa, @Reference Authorization authorization,
            @Reference RosterQuery roster, @Reference TenantService tenants, @Reference AuditLog audit, @Reference ZhurnalClock clock,
            @Reference ArchiveSchema schema, @Reference ReportRunner runner, @Reference CalendarQuery calendar, Config config) {
        this.runner = runner;
        this.calendar = calendar;
        this.jpa = jpa;
        this.authorization = authorization;
        this.roster = roster;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        this.config = config;
        try {
            signer = loadKey(config);
            keyError = null;
        } catch (Exception e) {
            signer = null;
            keyError = e.getMessage();
            LOG.error("The archive's signing key is not usable; archiving is refused until {} is fixed: {}", PID, e.getMessage(), e);
        }
    }

    private static Signer loadKey(Config c) throws Exception {
        char[] password = c.keystorePassword().toCharArray();
        String alias = c.keyAlias().isBlank() ? "archive" : c.keyAlias().strip();
        Path path;
        if (c.keystore().isBlank()) {
            String etc = System.getProperty("karaf.etc", "etc");
            path = Path.of(etc, GENERATED);
            if (!Files.exists(path)) {
                LOG.warn("No archive keystore is configured (PID {}): generating a self-signed signing key into {}. Fine for a demo; "
                        + "a real archive configures the school's key (keystore, keystorePassword, keyAlias).", PID, path);
                Signer.generate(path, password, alias, "Zhurnal archive - self-signed demo key");
            }
        } else {
            path = Path.of(c.keystore().strip());
        }
        Signer s = Signer.load(path, password, alias, c.keyPassword().toCharArray());
        LOG.info("Archive signing key: {} from {}", s.certificate().getSubjectX500Principal().getName(), path);
        return s;
    }

    // ----- access -----

    /** The archive is for the school's deputy director and coordinator and the administrators above them. */
    private ZhurnalPrincipal administrator(String schoolId) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        if (schoolId == null || schoolId.isBlank()) {
            throw ProblemException.invalid("schoolId", Text.of("schoolId is required", "Не указана школа"));
        }
        authorization.check(p, Action.ADMINISTER, ScopeRef.school(schoolId));
        tenants.school(schoolId).orElseThrow(() -> ProblemException.notFound("School", schoolId));
        return p;
    }

    /** @return the document, if it exists and the caller administers its school (else 404: ids cannot be probed) */
    private ArchivedDocument readable(String id) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        return jpa.txExpr(TransactionType.Supports, em -> ArchiveStore.find(em, id))
                .filter(d -> authorization.permits(p, Action.ADMINISTER, ScopeRef.school(d.schoolId())))
                .orElseThrow(() -> ProblemException.notFound("Archived document", id));
    }

    // ----- reads -----

    @Override
    public List<ArchivedDocument> documents(String schoolId, Integer academicYear) {
        administrator(schoolId);
        return jpa.txExpr(TransactionType.Supports, em -> ArchiveStore.ofSchool(em, schoolId, academicYear));
    }

    @Override
    public Optional<ArchivedDocument> document(String id) {
        try {
            return Optional.of(readable(id));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public byte[] content(String id) {
        readable(id);
        byte[] content = jpa.txExpr(TransactionType.Required, em -> ArchiveStore.content(em, id));
        if (content == null) {
            throw ProblemException.notFound("Content of archived document", id);
        }
        return content;
    }

    // ----- archiving -----

    @Override
    public ArchivedDocument archiveReport(String schoolId, ArchiveRequest request) {
        ZhurnalPrincipal p = administrator(schoolId);
        if (request == null || request.reportId() == null || request.reportId().isBlank()) {
            throw ProblemException.invalid("reportId", Text.of("reportId is required", "Не указан отчёт"));
        }
        String reportId = request.reportId().strip();
        String language = "en".equals(request.lang()) ? "en" : "ru";
        ReportRequest checked = runner.check(reportId, request.format() == null || request.format().isBlank() ? "PDF" : request.format(),
                request.parameters() == null ? Map.of() : request.parameters(), language);
        ReportPlugin plugin = runner.report(reportId).orElseThrow(() -> ProblemException.notFound("Report", reportId));
        ofThisSchool(schoolId, plugin, checked.parameters());
        ReportFormat format = checked.format();
        String kind = request.kind() == null || request.kind().isBlank() ? plugin.id() : request.kind().strip();
        if (!kind.matches("[a-z0-9][a-z0-9._-]{0,59}")) {
            throw ProblemException.invalid("kind", Text.of("kind is 1 to 60 of a-z, 0-9, '.', '_', '-'",
                    "Вид документа — от 1 до 60 знаков: строчные латинские буквы, цифры, «.», «_», «-»"));
        }
        ArchivedDocument previous = null;
        if (request.replaces() != null && !request.replaces().isBlank()) {
            String prevId = request.replaces().strip();
            previous = jpa.txExpr(TransactionType.Supports, em -> ArchiveStore.find(em, prevId)).filter(d -> d.schoolId().equals(schoolId))
                    .orElseThrow(() -> ProblemException.invalid("replaces", Text.of("no archived document " + prevId + " in this school",
                            "Исправляемого документа нет в архиве этой школы")));
        }
        ReportOutput out = runner.render(reportId, checked, null);
        String classId = classParameter(plugin, checked.parameters());
        ArchivedDocument corrected = previous;
        try {
            return store(schoolId, classId, academicYear(plugin, checked.parameters(), classId), kind, title(plugin, language, classId), out.fileName(),
                    format.mediaType(), previous, out.content(), null, p);
        } catch (RuntimeException e) {
            // A concurrent correction of the same version won (the unique previous_id refused this one).
            if (corrected != null && !(e instanceof ProblemException)
                    && jpa.txExpr(TransactionType.Supports, em -> ArchiveStore.successor(em, corrected.id())).isPresent()) {
                throw ProblemException.conflict("archive-superseded", Text.of("Document " + corrected.id() + " was corrected meanwhile; correct the "
                        + "latest version", "Документ тем временем уже исправили; исправляйте его последнюю версию"));
            }
            throw e;
        }
    }

    @Override
    public YearClosing closeYear(String schoolId, int academicYear) {
        ZhurnalPrincipal p = administrator(schoolId);
        AcademicYears.require("year", academicYear, clock.today());
        requireYearClosed(schoolId, academicYear);
        Config c = config;
        String reportId = c.yearReport().strip();
        ReportPlugin plugin = runner.report(reportId).orElseThrow(() -> ProblemException.conflict("year-report-missing",
                Text.of("The year report «" + reportId + "» (" + PID + " yearReport) is not installed", "Годовой отчёт для архива «" + reportId
                        + "» не установлен; обратитесь к администратору (настройка " + PID + " yearReport)")));
        List<ArchivedDocument> created = new ArrayList<>();
        List<ArchivedDocument> existing = new ArrayList<>();
        for (SchoolClass sc : roster.classes(schoolId, academicYear)) {
            String key = "year-close:" + academicYear + ":" + sc.id() + ":" + reportId;
            Optional<ArchivedDocument> done = jpa.txExpr(TransactionType.Supports, em -> ArchiveStore.byDedupeKey(em, key));
            if (done.isPresent()) {
                existing.add(done.get());
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : c.yearReportParameters().split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip().replace("{classId}", sc.id())
                            .replace("{year}", Integer.toString(academicYear)).replace("{schoolId}", schoolId));
                }
            }
            ReportRequest checked = runner.check(reportId, c.yearReportFormat(), params, "ru");
            ofThisSchool(schoolId, plugin, checked.parameters());
            ReportOutput out = runner.render(reportId, checked, null);
            ReportFormat format = checked.format();
            try {
                created.add(store(schoolId, sc.id(), academicYear, reportId, title(plugin, "ru", sc.id()), out.fileName(), format.mediaType(),
                        null, out.content(), key, p));
            } catch (RuntimeException e) {
                // A concurrent close archived the class first (the unique dedupe key refused this one).
                existing.add(jpa.txExpr(TransactionType.Supports, em -> ArchiveStore.byDedupeKey(em, key)).orElseThrow(() -> e));
            }
        }
        YearClosing result = new YearClosing(schoolId, academicYear, reportId, created, existing);
        jpa.tx(TransactionType.Required, em -> audit.record(schoolId, "archive-year", schoolId + "/" + academicYear, "close", null,
                Map.of("reportId", reportId, "created", created.stream().map(ArchivedDocument::id).toList(), "alreadyArchived", existing.size())));
        return result;
    }

    /**
     * A year is archived once it is over in the school's own terms: its calendar is set up and every reporting period of
     * it is closed (the school's act that its grades are final). The archive keeps what it stores for good, so a year not
     * started, not set up or still open is refused (409 naming the periods still open) — it would have stored signed,
     * empty or provisional sheets for ever.
     */
    private void requireYearClosed(String schoolId, int academicYear) {
        String years = academicYear + "/" + (academicYear + 1);
        if (calendar.year(schoolId, academicYear).isEmpty()) {
            throw ProblemException.conflict("year-not-set-up", Text.of("The school has no calendar for " + years + "; there is nothing to close",
                    "У школы нет учебного года " + years + " в календаре: закрывать нечего"));
        }
        Map<String, ReportingPeriod> periods = new LinkedHashMap<>();
        for (int grade = 1; grade <= 11; grade++) {
            calendar.periods(schoolId, academicYear, grade).forEach(x -> periods.putIfAbsent(x.id(), x));
        }
        if (periods.isEmpty()) {
            throw ProblemException.conflict("year-not-set-up", Text.of("The academic year " + years + " has no reporting periods",
                    "В учебном году " + years + " нет учебных периодов: закрывать нечего"));
        }
        List<ReportingPeriod> open = periods.values().stream().filter(x -> !ReportingPeriod.CLOSED.equals(x.state()))
                .sorted(java.util.Comparator.comparing(ReportingPeriod::start)).toList();
        if (!open.isEmpty()) {
            String en = String.join(", ", open.stream().map(x -> "«" + x.name() + "» (grades " + grades(x.grades()) + ")").toList());
            String ru = String.join(", ", open.stream().map(x -> "«" + x.name() + "» (" + grades(x.grades()) + " кл.)").toList());
            throw ProblemException.conflict("year-not-closed", Text.of("The year " + years + " is archived once all its periods are closed; "
                    + "still open: " + en, "Учебный год " + years + " архивируется, когда закрыты все его учебные периоды; ещё открыты: " + ru));
        }
    }

    private static String grades(List<Integer> grades) {
        if (grades == null || grades.isEmpty()) {
            return "1–11";
        }
        return grades.size() > 2 && grades.get(grades.size() - 1) - grades.get(0) == grades.size() - 1
                ? grades.get(0) + "–" + grades.get(grades.size() - 1) : String.join(", ", grades.stream().map(String::valueOf).toList());
    }

    private ArchivedDocument store(String schoolId, String classId, int year, String kind, String title, String fileName, String mediaType,
            ArchivedDocument previous, byte[] content, String dedupeKey, ZhurnalPrincipal p) {
        Signer s = signer;
        if (s == null) {
            throw new ProblemException(503, "archive-key", "Archive key unavailable", Text.of("The archive's signing key is not usable: " + keyError
                    + " (configure " + PID + ")", "Ключ подписи архива недоступен: " + keyError + "; обратитесь к администратору (настройка "
                    + PID + ")"), null);
        }
        Instant now = Instant.ofEpochMilli(clock.now().toEpochMilli());
        ArchivedDocument d = new ArchivedDocument(UUID.randomUUID().toString(), schoolId, classId, year, kind, title, fileName, mediaType,
                previous == null ? 1 : previous.version() + 1, previous == null ? null : previous.id(), p.login(), now, content.length,
                Manifest.sha256(content));
        byte[] signature = s.sign(Manifest.of(d));
        jpa.tx(TransactionType.Required, em -> {
            if (previous != null) {
                // The unique previous_id also guards this against a concurrent correction.
                ArchiveStore.successor(em, previous.id()).ifPresent(next -> {
                    throw ProblemException.conflict("archive-superseded", Text.of("Document " + previous.id() + " was already corrected by " + next
                            + "; correct the latest version", "Документ уже исправлен; исправляйте его последнюю версию"));
                });
            }
            ArchiveStore.insert(em, d, signature, content, dedupeKey);
            audit.record(schoolId, "archive-document", d.id(), previous == null ? "create" : "correct", null, d);
        });
        return d;
    }

    /** The runner has checked the caller's access; the archive also keeps to its school: what a run names belongs to it. */
    private void ofThisSchool(String schoolId, ReportPlugin plugin, Map<String, String> checked) {
        for (ReportParameter param : plugin.parameters()) {
            String v = checked.get(param.name());
            if (v == null) {
                continue;
            }
            String field = "parameters." + param.name();
            switch (param.type()) {
                case CLASS -> {
                    SchoolClass c = roster.schoolClass(v).orElseThrow(() -> ProblemException.invalid(field, Text.of("no class " + v, "Класс не найден")));
                    if (!c.schoolId().equals(schoolId)) {
                        throw ProblemException.invalid(field, Text.of("class " + v + " is not of this school", "Класс " + c.name() + " — не из этой школы"));
                    }
                }
                case SCHOOL -> {
                    if (!v.equals(schoolId)) {
                        throw ProblemException.invalid(field, Text.of("the school is the archive's school " + schoolId,
                                "В архив школы попадают только отчёты этой школы"));
                    }
                }
                case MUNICIPALITY -> throw ProblemException.invalid(field, Text.of("a school's archive keeps the school's documents, not a municipality's",
                        "В архиве школы хранятся документы школы, а не муниципалитета"));
                default -> {
                }
            }
        }
    }

    private static String classParameter(ReportPlugin plugin, Map<String, String> checked) {
        return plugin.parameters().stream().filter(x -> x.type() == org.zhurnal.reporting.spi.ParameterType.CLASS).map(x -> checked.get(x.name()))
                .filter(v -> v != null).findFirst().orElse(null);
    }

    /** The class's year, else a YEAR parameter, else the current academic year. */
    private int academicYear(ReportPlugin plugin, Map<String, String> checked, String classId) {
        if (classId != null) {
            return roster.schoolClass(classId).map(SchoolClass::academicYear).orElseThrow();
        }
        return plugin.parameters().stream().filter(x -> x.type() == org.zhurnal.reporting.spi.ParameterType.YEAR).map(x -> checked.get(x.name()))
                .filter(v -> v != null).map(Integer::parseInt).findFirst().orElse(RosterQuery.academicYearOf(clock.today()));
    }

    private String title(ReportPlugin plugin, String language, String classId) {
        String t = plugin.title(language);
        if (classId != null) {
            t += roster.schoolClass(classId).map(c -> ", " + c.name()).orElse("");
        }
        return t.length() > 300 ? t.substring(0, 300) : t;
    }

    // ----- verification -----

    @Override
    public Verification verify(String id) {
        ArchivedDocument d = readable(id);
        return check(d);
    }

    private Verification check(ArchivedDocument d) {
        byte[][] lobs = jpa.txExpr(TransactionType.Required, em -> new byte[][] { ArchiveStore.content(em, d.id()), ArchiveStore.signature(em, d.id()) });
        Signer s = signer;
        if (s == null) {
            throw new ProblemException(503, "archive-key", "Archive key unavailable", Text.of("The archive's keystore is not usable: " + keyError,
                    "Хранилище ключей архива недоступно: " + keyError + "; обратитесь к администратору"), null);
        }
        return Integrity.check(d, lobs[0], lobs[1], s);
    }

    @Override
    public List<Verification> verifyAll(String schoolId) {
        List<String> schools;
        if (schoolId == null) {
            ZhurnalPrincipal p = CallContext.requirePrincipal();
            schools = jpa.txExpr(TransactionType.Supports, ArchiveStore::schools).stream()
                    .filter(s -> authorization.permits(p, Action.ADMINISTER, ScopeRef.school(s))).sorted().toList();
        } else {
            administrator(schoolId);
            schools = List.of(schoolId);
        }
        List<Verification> out = new ArrayList<>();
        for (String s : schools) {
            for (ArchivedDocument d : jpa.txExpr(TransactionType.Supports, em -> ArchiveStore.ofSchool(em, s, null))) {
                out.add(check(d));
            }
        }
        return out;
    }

    // ----- export -----

    @Override
    public ExportResult export(String schoolId) {
        administrator(schoolId);
        List<String> targets = Arrays.stream(config.exportTargets().split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        if (targets.isEmpty()) {
            throw ProblemException.conflict("no-export-targets", Text.of("No export targets are configured (" + PID + " exportTargets)",
                    "Не настроено, куда выгружать архив; обратитесь к администратору (настройка " + PID + " exportTargets)"));
        }
        List<ArchivedDocument> docs = jpa.txExpr(TransactionType.Supports, em -> ArchiveStore.ofSchool(em, schoolId, null));
        ExportResult result = Exporter.export(schoolId, docs, targets, d -> jpa.txExpr(TransactionType.Required,
                em -> new Exporter.Item(d, ArchiveStore.content(em, d.id()), ArchiveStore.signature(em, d.id()))));
        jpa.tx(TransactionType.Required, em -> audit.record(schoolId, "archive-export", schoolId, "export", null, result));
        if (!result.ok()) {
            LOG.warn("Archive export of school {}: {}", schoolId, result.targets());
        }
        return result;
    }
}
