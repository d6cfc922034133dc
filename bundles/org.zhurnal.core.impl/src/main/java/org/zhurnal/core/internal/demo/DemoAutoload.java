package org.zhurnal.core.internal.demo;

import org.apache.karaf.features.BootFinished;
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
    }

    @Activate
    public DemoAutoload(@Reference BootFinished boot, @Reference DemoLoader loader, Config config) {
        boolean fromEnv = "true".equalsIgnoreCase(System.getenv("ZHURNAL_DEMO"));
        if (!config.autoload() && !fromEnv) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(config.delayMillis());
                loader.load();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("Loading the demo school failed", e);
            }
        }, "zhurnal-demo-autoload");
        t.setDaemon(true);
        t.start();
    }
}
