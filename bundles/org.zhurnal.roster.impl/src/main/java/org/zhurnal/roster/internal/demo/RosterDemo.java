package org.zhurnal.roster.internal.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.demo.DemoContext;
import org.zhurnal.core.api.demo.DemoDataContributor;
import org.zhurnal.roster.api.ImportReport;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.RosterService;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.roster.api.StudentCard;
import org.zhurnal.roster.internal.AccountIssuer;
import org.zhurnal.roster.internal.ConsentRegistry;

/**
 * The demo school's people, loaded through the same import path as a real school's files: 33 classes
 * (1А–11В) of about 28 students, their guardians, 60 staff. Class 5А gets consents and accounts, so a
 * demo student and parent can sign in.
 */
@Component(service = DemoDataContributor.class)
public class RosterDemo implements DemoDataContributor {
    private static final Logger LOG = LoggerFactory.getLogger(RosterDemo.class);
    static final long SEED = 20_260_901L;

    private final RosterService roster;
    private final RosterQuery query;
    private final AccountIssuer issuer;
    private final ConsentRegistry consents;
    private final ZhurnalClock clock;

    @Activate
    public RosterDemo(@Reference RosterService roster, @Reference RosterQuery query, @Reference AccountIssuer issuer,
            @Reference ConsentRegistry consents, @Reference ZhurnalClock clock) {
        this.roster = roster;
        this.query = query;
        this.issuer = issuer;
        this.consents = consents;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "roster";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void load(DemoContext ctx) throws Exception {
        int year = RosterQuery.academicYearOf(clock.today());
        long start = System.nanoTime();
        ImportReport students = roster.importCsv(ctx.schoolId(), "demo-students.csv",
                DemoRosterGenerator.studentsCsv(SEED + ctx.variant(), year, 3, 28).getBytes(StandardCharsets.UTF_8), false);
        ImportReport staff = roster.importCsv(ctx.schoolId(), "demo-staff.csv",
                DemoRosterGenerator.staffCsv(SEED + ctx.variant(), year, 3, 60).getBytes(StandardCharsets.UTF_8), false);
        LOG.info("Demo roster imported in {} ms: students file {}, staff file {}", (System.nanoTime() - start) / 1_000_000,
                students.created(), staff.created());
        SchoolClass fiveA = query.classes(ctx.schoolId(), year).stream().filter(c -> c.name().equals("5А")).findFirst().orElseThrow();
        ctx.shared().put("class.5A", fiveA.id());
        List<StudentCard> cards = roster.classCard(fiveA.id()).students();
        if (cards.stream().anyMatch(StudentCard::hasAccount)) {
            return; // already issued on an earlier load
        }
        for (StudentCard card : cards) {
            Person first = card.guardians().isEmpty() ? null : card.guardians().get(0).guardian();
            String givenBy = first == null ? card.student().id() : first.id();
            consents.record(new ConsentRegistry.NewConsent(card.student().id(), givenBy, "GIVEN",
                    "Ведение электронного журнала и дневника", "ПД-" + card.student().externalId(), clock.today()));
            card.guardians().forEach(g -> {
                if (consents.of(g.guardian().id()).isEmpty()) {
                    consents.record(new ConsentRegistry.NewConsent(g.guardian().id(), null, "GIVEN",
                            "Ведение электронного журнала и дневника", "ПД-" + g.guardian().externalId(), clock.today()));
                }
            });
        }
        if (ctx.variant() != 0) {
            return; // sign-in accounts only in the demo school itself
        }
        AccountIssuer.Result issued = issuer.issueForClass(fiveA.id(), true, true);
        issued.issued().stream().filter(i -> i.role().equals("обучающийся")).findFirst()
                .ifPresent(i -> ctx.credential(i.login(), i.temporaryPassword(), "student of 5А — " + i.fullName() + " (temporary)"));
        issued.issued().stream().filter(i -> i.role().equals("родитель")).findFirst()
                .ifPresent(i -> ctx.credential(i.login(), i.temporaryPassword(), "parent in 5А — " + i.fullName() + " (temporary)"));
        ctx.shared().put("class.5A.accounts", Integer.toString(issued.issued().size()));
    }
}
