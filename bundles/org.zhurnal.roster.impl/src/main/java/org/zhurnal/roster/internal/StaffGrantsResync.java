package org.zhurnal.roster.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.internal.entity.PersonEntity;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.api.AccountService;

/**
 * Keeps the roster-derived grants of staff accounts ({@link StaffGrants}) in step with the academic year. They are
 * derived for the current year, but nothing else recomputes them when the year turns on 1 September: a promotion
 * applied in June leaves the class teacher with CLASS_TEACHER on last year's 5А and none on this year's 6А. So a
 * background check looks every {@code checkMinutes} whether {@link RosterQuery#academicYearOf} of the platform clock's
 * today differs from the year of the last complete resync (and once after start), and if so recomputes the grants of
 * every staff account of every school, one transaction per school, as the system principal; each changed account is
 * audited by {@link AccountService#setGrants}. Recomputing is idempotent, so a run that finds nothing to change writes
 * nothing, and several nodes doing it at once end in the same grants. {@code zhurnal:roster-sync-grants} runs it on
 * demand.
 */
@Component(service = StaffGrantsResync.class, immediate = true, configurationPid = StaffGrantsResync.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StaffGrantsResync.Config.class)
public class StaffGrantsResync {
    static final String PID = "org.zhurnal.roster.grants";
    private static final Logger LOG = LoggerFactory.getLogger(StaffGrantsResync.class);

    @ObjectClassDefinition(name = "Zhurnal staff grants resync", description = "Recomputes the roster-derived grants of every "
            + "staff account when the academic year changes (and once after start)")
    public @interface Config {
        @AttributeDefinition(description = "Minutes between looks whether the academic year changed; a resync runs only when it did. "
                + "0 turns the background resync off (zhurnal:roster-sync-grants still works)")
        int checkMinutes() default 60;

        @AttributeDefinition(description = "Seconds after start before the first look, which always resyncs")
        int startDelaySeconds() default 60;
    }

    /**
     * What one resync did.
     *
     * @param academicYear the year the grants were derived for (its first calendar year)
     * @param schools the schools resynced
     * @param accountsChanged the staff accounts whose grants changed
     * @param failedSchools the schools whose resync failed (rolled back; they keep their grants)
     * @param millis how long it took
     */
    public record Result(int academicYear, int schools, int accountsChanged, int failedSchools, long millis) {
        /** @return the summary line for the log and the shell */
        public String summary() {
            return "Staff grants resynced for " + academicYear + "/" + (academicYear + 1) + ": " + schools + " schools, "
                    + accountsChanged + " accounts changed" + (failedSchools == 0 ? "" : ", " + failedSchools + " schools failed")
                    + " (" + millis + " ms)";
        }
    }

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final TenantService tenants;
    private final AccountService accounts;
    private final Authorization authorization;
    private final Object running = new Object();
    private volatile Config config;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean stopping;
    /** The academic year of the last complete background resync; null until the first one (so start-up resyncs). */
    private volatile Integer syncedYear;

    @Activate
    public StaffGrantsResync(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference TenantService tenants, @Reference AccountService accounts, @Reference Authorization authorization,
            @Reference RosterSchema schema, Config config) {
        this.jpa = jpa;
        this.clock = clock;
        this.tenants = tenants;
        this.accounts = accounts;
        this.authorization = authorization;
        this.config = config;
        start(Math.max(0, config.startDelaySeconds()));
    }

    /** A changed configuration restarts the checks; the year already resynced stays resynced. */
    @Modified
    void modified(Config changed) {
        this.config = changed;
        stop();
        start(syncedYear == null ? Math.max(0, changed.startDelaySeconds()) : 0);
    }

    /**
     * Stops after the current school; never interrupts the thread — a thread interrupted inside embedded Derby loses its
     * connection («Connection closed by unknown interrupt»), which would poison the pool.
     */
    @Deactivate
    void stop() {
        ScheduledExecutorService s = scheduler;
        if (s != null) {
            stopping = true;
            s.shutdown();
            try {
                if (!s.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("The staff grants resync did not end within 30 s; it stops after its current school");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    private void start(int delaySeconds) {
        stopping = false;
        int minutes = config.checkMinutes();
        if (minutes <= 0) {
            return;
        }
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zhurnal-roster-grants");
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(this::tick, delaySeconds, minutes * 60L, TimeUnit.SECONDS);
        scheduler = s;
    }

    /** @return whether a background resync is due: none yet, or the academic year of {@code today} is another one */
    static boolean due(Integer syncedYear, LocalDate today) {
        return syncedYear == null || syncedYear != RosterQuery.academicYearOf(today);
    }

    private void tick() {
        LocalDate today = clock.today();
        if (!due(syncedYear, today)) {
            return;
        }
        int year = RosterQuery.academicYearOf(today);
        try {
            Result r = new CallContext(ZhurnalPrincipal.SYSTEM, "roster-grants-resync:" + UUID.randomUUID()).call(() -> resync(null));
            if (r.failedSchools() == 0 && !stopping && r.academicYear() == year) {
                syncedYear = year;
            }
        } catch (Exception e) {
            LOG.warn("The staff grants resync failed; it is tried again at the next look", e);
        }
    }

    /**
     * Recomputes the derived grants of every staff account of one school, or of every school, as of the platform clock's
     * today. One transaction per school: a school that fails keeps its grants and is counted, the others go on. Needs
     * ADMINISTER on the school (on the system for every school). Serialised: a second call waits for the first.
     *
     * @param schoolId the school, or {@code null} for every school
     * @throws ProblemException 404 for a school that does not exist or that the caller may not see, 403 without the right
     */
    public Result resync(String schoolId) {
        ZhurnalPrincipal caller = CallContext.requirePrincipal();
        List<String> schoolIds;
        if (schoolId == null) {
            authorization.check(caller, Action.ADMINISTER, ScopeRef.SYSTEM);
            schoolIds = tenants.schools(null).stream().map(School::id).toList();
        } else {
            if (tenants.school(schoolId).isEmpty() || !authorization.permits(caller, Action.READ, ScopeRef.school(schoolId))) {
                throw ProblemException.notFound("School", schoolId);
            }
            authorization.check(caller, Action.ADMINISTER, ScopeRef.school(schoolId));
            schoolIds = List.of(schoolId);
        }
        synchronized (running) {
            long started = System.nanoTime();
            LocalDate today = clock.today();
            int done = 0;
            int changed = 0;
            int failed = 0;
            for (String id : schoolIds) {
                if (stopping) {
                    break;
                }
                try {
                    changed += resyncSchool(id, today);
                    done++;
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warn("Resyncing the staff grants of school {} failed; it keeps its grants", id, e);
                }
            }
            Result result = new Result(RosterQuery.academicYearOf(today), done, changed, failed, (System.nanoTime() - started) / 1_000_000);
            LOG.info("{}", result.summary());
            return result;
        }
    }

    /** @return how many staff accounts of the school changed */
    private int resyncSchool(String schoolId, LocalDate today) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<PersonEntity> staff = em.createQuery("select p from PersonEntity p where p.schoolId = :s and p.kind = 'STAFF'",
                    PersonEntity.class).setParameter("s", schoolId).getResultList();
            if (staff.isEmpty()) {
                return 0;
            }
            Map<String, AccountInfo> byPerson = accounts.byPersons(staff.stream().map(PersonEntity::getId).toList());
            int changed = 0;
            for (PersonEntity p : staff) {
                AccountInfo account = byPerson.get(p.getId());
                if (account != null && StaffGrants.syncStaffGrants(em, accounts, p, account, today).isPresent()) {
                    changed++;
                }
            }
            return changed;
        });
    }
}
