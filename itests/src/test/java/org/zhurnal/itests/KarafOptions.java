package org.zhurnal.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;

/** Pax Exam options that boot the real Zhurnal distribution (on Derby, or on PostgreSQL when asked). */
public final class KarafOptions {
    /** Overridable (-Dzhurnal.itest.http) so two checkouts can run their integration tests side by side. */
    public static final int HTTP_PORT = Integer.getInteger("zhurnal.itest.http", 8282);
    /** The SMTP port of the GreenMail server the tests start inside the container. */
    public static final int SMTP_PORT = Integer.getInteger("zhurnal.itest.smtp", 3925);
    public static final String ADMIN_PASSWORD = "Zh-It-Root-Passw0rd-9";
    static final String PG_SCHEMA = "zhurnal_it";
    private static boolean schemasCleaned;

    private KarafOptions() {}

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("zhurnal.itest.db"));
    }

    public static Option[] distribution() {
        List<Option> o = new ArrayList<>();
        if (Boolean.getBoolean("zhurnal.itest.keep")) {
            o.add(keepRuntimeFolder()); // -Dzhurnal.itest.keep=true keeps target/exam/<uuid> (data/log/karaf.log) for a post-mortem
        }
        o.addAll(List.of(
                karafDistributionConfiguration().frameworkUrl("file:" + System.getProperty("zhurnal.distribution"))
                        .name("zhurnal").karafVersion("4.4.10").unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                // -Dzhurnal.itest.logLevel=INFO for a post-mortem of the boot (bundle refreshes, component activations).
                logLevel(LogLevel.valueOf(System.getProperty("zhurnal.itest.logLevel", "WARN"))),
                CoreOptions.systemTimeout(180_000),
                // Injected services may take a while on a loaded 2-core machine (default: 10 s).
                CoreOptions.systemProperty("pax.exam.service.timeout").value("90000"),
                CoreOptions.systemProperty("zhurnal.example.jar").value(System.getProperty("zhurnal.example.jar", "")),
                CoreOptions.systemProperty("zhurnal.grading.jar").value(System.getProperty("zhurnal.grading.jar", "")),
                CoreOptions.systemProperty("zhurnal.report.jar").value(System.getProperty("zhurnal.report.jar", "")),
                CoreOptions.systemProperty("zhurnal.grading.kar").value(System.getProperty("zhurnal.grading.kar", "")),
                CoreOptions.systemProperty("zhurnal.itest.db").value(System.getProperty("zhurnal.itest.db", "derby")),
                // The tests run inside the container too: it must see the same ports, or it would call the default ones
                // (and another checkout's Karaf listening there).
                CoreOptions.systemProperty("zhurnal.itest.http").value(Integer.toString(HTTP_PORT)),
                CoreOptions.systemProperty("zhurnal.itest.smtp").value(Integer.toString(SMTP_PORT)),
                CoreOptions.systemProperty("zhurnal.itest.ssh").value(System.getProperty("zhurnal.itest.ssh", "8112")),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(HTTP_PORT)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(Integer.getInteger("zhurnal.itest.ssh", 8112))),
                editConfigurationFilePut("etc/org.zhurnal.mail.cfg", "port", Integer.toString(SMTP_PORT)),
                editConfigurationFilePut("etc/org.zhurnal.mail.cfg", "from", "school@example.org"),
                // A real SMTP server for the tests, run inside Karaf (GreenMail is an OSGi bundle).
                CoreOptions.mavenBundle("com.icegreen", "greenmail", "1.6.15"),
                // The diary's outbox: fast rounds and retries, and no scheduled digest during a test run (DiaryIT runs the
                // digests itself; at the production default 19:00 a CI run in the evening would send them on its own).
                editConfigurationFilePut("etc/org.zhurnal.diary.notifications.cfg", "pollSeconds", "1"),
                editConfigurationFilePut("etc/org.zhurnal.diary.notifications.cfg", "retryInitialSeconds", "1"),
                editConfigurationFilePut("etc/org.zhurnal.diary.notifications.cfg", "retryMaxSeconds", "2"),
                editConfigurationFilePut("etc/org.zhurnal.diary.notifications.cfg", "digestTime", "23:59:59"),
                // Faster delivery in tests; the production default is 250 ms.
                editConfigurationFilePut("etc/org.zhurnal.events.cfg", "pollMillis", "100"),
                // The JDK 9+ flags that bin/karaf adds but Pax Exam 4.14 does not (stack.md gotcha 10).
                new VMOption("--add-reads=java.xml=java.logging"),
                new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                new VMOption("--patch-module"), new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar"),
                new VMOption("--patch-module"), new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar"),
                new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
                new VMOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
                new VMOption("-classpath"), new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*")));
        if (postgres()) {
            String url = System.getProperty("zhurnal.itest.pgurl");
            String user = System.getProperty("zhurnal.itest.pguser");
            // Pax Exam may compute every class's configuration before booting the first container, so each
            // call gets its own empty schema instead of sharing one.
            String schema = PG_SCHEMA + "_" + Long.toHexString(System.nanoTime());
            freshSchema(url, user, schema);
            String cfg = "etc/org.ops4j.datasource-zhurnal.cfg";
            o.add(editConfigurationFilePut(cfg, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"));
            o.add(editConfigurationFilePut(cfg, "url", url + "?currentSchema=" + schema));
            o.add(editConfigurationFilePut(cfg, "user", user));
            o.add(editConfigurationFilePut(cfg, "password", ""));
        }
        return o.toArray(new Option[0]);
    }

    /** Every PostgreSQL test class starts from an empty schema, so the migrations run from scratch. */
    private static synchronized void freshSchema(String url, String user, String schema) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            if (!schemasCleaned) {
                // Schemas of earlier runs.
                List<String> old = new ArrayList<>();
                try (java.sql.ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'zhurnal_it%'")) {
                    while (rs.next()) {
                        old.add(rs.getString(1));
                    }
                }
                for (String o : old) {
                    s.execute("DROP SCHEMA IF EXISTS " + o + " CASCADE");
                }
                schemasCleaned = true;
            }
            s.execute("CREATE SCHEMA " + schema);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL for the integration tests is not reachable at " + url, e);
        }
    }

    /**
     * Waits until the demo-data contributors with these ids are registered: {@code DemoLoader.load()} loads what is
     * there when called, and right after boot some modules' components may still be activating.
     */
    public static void awaitDemoContributors(org.osgi.framework.BundleContext context, String... ids) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        java.util.Set<String> wanted = java.util.Set.of(ids);
        while (true) {
            java.util.Set<String> present = new java.util.HashSet<>();
            for (org.osgi.framework.ServiceReference<org.zhurnal.core.api.demo.DemoDataContributor> r
                    : context.getServiceReferences(org.zhurnal.core.api.demo.DemoDataContributor.class, null)) {
                org.zhurnal.core.api.demo.DemoDataContributor c = context.getService(r);
                if (c != null) {
                    present.add(c.id());
                    context.ungetService(r);
                }
            }
            if (present.containsAll(wanted)) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("demo contributors " + wanted + " not all registered; present: " + present);
            }
            Thread.sleep(200);
        }
    }
}
