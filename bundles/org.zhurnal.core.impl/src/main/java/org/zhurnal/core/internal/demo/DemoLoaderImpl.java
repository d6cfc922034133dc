package org.zhurnal.core.internal.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.demo.DemoContext;
import org.zhurnal.core.api.demo.DemoDataContributor;
import org.zhurnal.core.api.demo.DemoLoader;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.Municipality;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;

/**
 * Creates the demo municipality and school (fictional names) and runs every module's
 * {@link DemoDataContributor}. Demo logins and their generated passwords go to
 * {@code data/demo-credentials.txt} (owner-only).
 */
@Component(service = DemoLoader.class)
public class DemoLoaderImpl implements DemoLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoaderImpl.class);
    static final String MUNICIPALITY = "Городской округ Заречный";
    static final String SCHOOL = "Школа № 7";
    /** The neighbour schools are numbered from here («Школа № 8», …). */
    static final int FIRST_NEIGHBOUR = 8;
    static final int MAX_NEIGHBOURS = 200;
    static final String SCHOOL_FULL = fullName(7);

    private final TenantService tenants;
    private final List<DemoDataContributor> contributors = new CopyOnWriteArrayList<>();

    @Activate
    public DemoLoaderImpl(@Reference TenantService tenants) {
        this.tenants = tenants;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(DemoDataContributor c) {
        contributors.add(c);
    }

    void removeContributor(DemoDataContributor c) {
        contributors.remove(c);
    }

    @Override
    public synchronized List<String> load() {
        return asCaller("demo-load", this::doLoad);
    }

    @Override
    public synchronized List<String> loadNeighbours(int count, LocalDate activityFrom) {
        if (count < 1 || count > MAX_NEIGHBOURS) {
            throw ProblemException.invalid("count", "between 1 and " + MAX_NEIGHBOURS + " neighbour schools");
        }
        return asCaller("demo-load-neighbours", () -> {
            doLoad();
            Municipality m = municipality();
            List<String> ids = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                String name = "Школа № " + (FIRST_NEIGHBOUR + n - 1);
                School s = school(m, name, fullName(FIRST_NEIGHBOUR + n - 1));
                long start = System.nanoTime();
                runContributors(m, s, n, activityFrom, new ArrayList<>());
                LOG.info("Neighbour demo school '{}' ({} of {}) ready in {} ms", name, n, count, (System.nanoTime() - start) / 1_000_000);
                ids.add(s.id());
            }
            return ids;
        });
    }

    /** @return the official name of the demo municipality's school with this number */
    private static String fullName(int number) {
        return "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № " + number + "» г. Заречный";
    }

    /** Runs as the operator who asked (shell), or as the system when loading at start: audited either way. */
    private static <T> T asCaller(String requestId, Callable<T> work) {
        try {
            CallContext ctx = CallContext.current().filter(c -> !c.principal().isAnonymous())
                    .orElseGet(() -> new CallContext(ZhurnalPrincipal.SYSTEM, requestId));
            return ctx.call(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Demo loading failed", e);
        }
    }

    private Municipality municipality() {
        return tenants.municipalities().stream().filter(x -> x.name().equals(MUNICIPALITY)).findFirst()
                .orElseGet(() -> tenants.createMunicipality(MUNICIPALITY));
    }

    private School school(Municipality m, String shortName, String fullName) {
        return tenants.schools(m.id()).stream().filter(x -> x.shortName().equals(shortName)).findFirst()
                .orElseGet(() -> tenants.createSchool(m.id(), shortName, fullName, "Europe/Moscow"));
    }

    private List<String> doLoad() throws Exception {
        Municipality m = municipality();
        School s = school(m, SCHOOL, SCHOOL_FULL);
        List<String> credentials = new ArrayList<>();
        int contributors = runContributors(m, s, 0, null, credentials);
        writeCredentials(credentials);
        LOG.info("Demo school '{}' ready ({} contributors)", s.shortName(), contributors);
        return credentials;
    }

    private int runContributors(Municipality m, School s, int variant, LocalDate activityFrom, List<String> credentials) throws Exception {
        Map<String, String> shared = new HashMap<>();
        DemoContext ctx = new DemoContext() {
            @Override
            public String municipalityId() {
                return m.id();
            }

            @Override
            public String schoolId() {
                return s.id();
            }

            @Override
            public Map<String, String> shared() {
                return shared;
            }

            @Override
            public void credential(String login, String password, String description) {
                credentials.add(login + "\t" + password + "\t" + description);
            }

            @Override
            public int variant() {
                return variant;
            }

            @Override
            public Optional<LocalDate> activityFrom() {
                return Optional.ofNullable(activityFrom);
            }
        };
        List<DemoDataContributor> ordered = new ArrayList<>(contributors);
        ordered.sort(Comparator.comparingInt(DemoDataContributor::order));
        for (DemoDataContributor c : ordered) {
            LOG.info("Loading demo data: {} ({})", c.id(), s.shortName());
            c.load(ctx);
        }
        return ordered.size();
    }

    private static void writeCredentials(List<String> credentials) throws IOException {
        if (credentials.isEmpty()) {
            return;
        }
        Path file = Paths.get(System.getProperty("karaf.data", "data"), "demo-credentials.txt");
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("# Demo logins (generated; demo data only). login<TAB>password<TAB>who");
        lines.addAll(credentials);
        Files.write(file, lines, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Non-POSIX file system: the data directory's own protection applies.
        }
    }
}
