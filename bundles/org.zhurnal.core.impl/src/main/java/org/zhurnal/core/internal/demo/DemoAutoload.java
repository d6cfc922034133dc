package org.zhurnal.core.internal.demo;

import org.apache.karaf.features.BootFinished;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.ZhurnalConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.demo.DemoLoader;
import org.zhurnal.core.api.persistence.TransientFailures;

/**
 * Loads the demo school once Karaf's boot features are installed, when asked to: by
 * {@code autoload=true} in {@code etc/org.zhurnal.demo.cfg} or by the environment variable
 * {@code ZHURNAL_DEMO=true} (the README's run command sets it).
 */
@Component(immediate = true, configurationPid = "org.zhurnal.demo", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DemoAutoload.Config.class)
public class DemoAutoload {
    private static final Logger LOG = LoggerFactory.getLogger(DemoAutoload.class);

    @ObjectClassDefinition(name = "Zhurnal demo data", description = "Loading of the demo school")
    public @interface Config {
        @AttributeDefinition(description = "Load the demo school at start")
        boolean autoload() default false;

        @AttributeDefinition(description = "Delay after boot before loading, in milliseconds")
        long delayMillis() default 1500;

        @AttributeDefinition(description = "Generated neighbour schools of the demo municipality to load after the demo school "
                + "(benchmarks, training); 0: none. The environment variable ZHURNAL_DEMO_SCHOOLS overrides it")
        int neighbourSchools() default 0;

        @AttributeDefinition(description = "Days of journal of the neighbour schools, up to yesterday; 0: since 1 September. "
                + "The environment variable ZHURNAL_DEMO_ACTIVITY_DAYS overrides it")
        int neighbourActivityDays() default 0;
    }

    @Activate
    public DemoAutoload(@Reference BootFinished boot, @Reference DemoLoader loader, @Reference ServiceComponentRuntime scr,
            @Reference ZhurnalClock clock, BundleContext context, Config config) {
        boolean fromEnv = "true".equalsIgnoreCase(System.getenv("ZHURNAL_DEMO"));
        if (!config.autoload() && !fromEnv) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(config.delayMillis());
                awaitSettled(context, scr);
                withRetries(loader::load, RETRY_PAUSE_MILLIS);
                int schools = fromEnv("ZHURNAL_DEMO_SCHOOLS", config.neighbourSchools());
                if (schools > 0) {
                    int days = fromEnv("ZHURNAL_DEMO_ACTIVITY_DAYS", config.neighbourActivityDays());
                    long start = System.nanoTime();
                    withRetries(() -> loader.loadNeighbours(schools, days > 0 ? clock.today().minusDays(days) : null), RETRY_PAUSE_MILLIS);
                    LOG.info("Demo municipality ready: {} neighbour schools loaded in {} s", schools, (System.nanoTime() - start) / 1_000_000_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("Loading the demo data failed", e);
            }
        }, "zhurnal-demo-autoload");
        t.setDaemon(true);
        t.start();
    }

    /** Loads of the demo data at start, in all, when a load fails on a transient database failure. */
    static final int LOAD_ATTEMPTS = 3;
    /** The pause after the first failed load; it doubles after each. */
    static final long RETRY_PAUSE_MILLIS = 2000;

    /**
     * Runs a demo load, and runs it again (up to {@value #LOAD_ATTEMPTS} times in all, pausing in between) when it fails on
     * a transient database failure ({@link TransientFailures}: a deadlock victim, a lock timeout, a connection closed under
     * load), which the modules' start-up writes can cause. That is safe because a load is idempotent: it completes a
     * school loaded before and does not duplicate it ({@link DemoLoader}). Any other failure ends the load at once.
     */
    static void withRetries(Runnable load, long pauseMillis) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                load.run();
                return;
            } catch (RuntimeException e) {
                java.sql.SQLException cause = TransientFailures.transientCause(e);
                if (cause == null || attempt == LOAD_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Loading the demo data failed on a transient database failure ({}: {}); loading it again (attempt {} of {})",
                        cause.getSQLState(), cause.getMessage(), attempt + 1, LOAD_ATTEMPTS);
                Thread.sleep(pauseMillis << (attempt - 1));
            }
        }
    }

    private static int fromEnv(String name, int otherwise) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring ${}={}: not a number", name, v);
            return otherwise;
        }
    }

    /**
     * Waits (at most two minutes) until every Zhurnal bundle is active and none of its components still
     * waits for a reference, so that every module's demo contributor is registered before loading.
     */
    static void awaitSettled(BundleContext context, ServiceComponentRuntime scr) throws InterruptedException {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < end) {
            boolean settled = true;
            for (Bundle b : context.getBundles()) {
                String bsn = b.getSymbolicName();
                if (bsn == null || !bsn.startsWith(ZhurnalConstants.BUNDLE_PREFIX) || b.getHeaders().get("Fragment-Host") != null) {
                    continue;
                }
                if (b.getState() != Bundle.ACTIVE) {
                    settled = false;
                    break;
                }
                for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
                    for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                        settled &= c.state != ComponentConfigurationDTO.UNSATISFIED_REFERENCE;
                    }
                }
            }
            if (settled) {
                return;
            }
            Thread.sleep(250);
        }
        LOG.warn("Some Zhurnal components are still unsatisfied; loading the demo school anyway");
    }
}
