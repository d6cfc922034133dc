package org.zhurnal.core.internal.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    static final String SCHOOL_FULL = "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7» г. Заречный";

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
        try {
            // Audited as the operator who asked (shell), or as the system when loading at start.
            CallContext ctx = CallContext.current().filter(c -> !c.principal().isAnonymous())
                    .orElseGet(() -> new CallContext(ZhurnalPrincipal.SYSTEM, "demo-load"));
            return ctx.call(this::doLoad);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Demo loading failed", e);
        }
    }

    private List<String> doLoad() throws Exception {
        Municipality m = tenants.municipalities().stream().filter(x -> x.name().equals(MUNICIPALITY)).findFirst()
                .orElseGet(() -> tenants.createMunicipality(MUNICIPALITY));
        School s = tenants.schools(m.id()).stream().filter(x -> x.shortName().equals(SCHOOL)).findFirst()
                .orElseGet(() -> tenants.createSchool(m.id(), SCHOOL, SCHOOL_FULL, "Europe/Moscow"));
        List<String> credentials = new ArrayList<>();
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
        };
        List<DemoDataContributor> ordered = new ArrayList<>(contributors);
        ordered.sort(Comparator.comparingInt(DemoDataContributor::order));
        for (DemoDataContributor c : ordered) {
            LOG.info("Loading demo data: {}", c.id());
            c.load(ctx);
        }
        writeCredentials(credentials);
        LOG.info("Demo school '{}' ready ({} contributors)", s.shortName(), ordered.size());
        return credentials;
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
