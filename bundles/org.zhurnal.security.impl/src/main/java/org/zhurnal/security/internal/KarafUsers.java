package org.zhurnal.security.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Gives Karaf's console, ssh and web console their first administrator. The distribution ships
 * {@code etc/users.properties} without users (no karaf/karaf); at first start the user {@code admin}
 * (group admingroup) is added with the bootstrap administrator's password, hashed by Karaf's own
 * properties backing engine as configured in {@code etc/org.apache.karaf.jaas.cfg}.
 */
final class KarafUsers {
    private static final String PROPERTIES_MODULE = "org.apache.karaf.jaas.modules.properties.PropertiesLoginModule";

    private KarafUsers() {}

    /** @return whether the user was added (false when users.properties already has a user or is absent) */
    static boolean addAdminIfNone(BundleContext context, String login, String password) throws IOException, InvalidSyntaxException {
        Path etc = Paths.get(System.getProperty("karaf.etc", "etc"));
        Path users = etc.resolve("users.properties");
        if (!Files.exists(users) || hasUser(Files.readAllLines(users, StandardCharsets.ISO_8859_1))) {
            return false;
        }
        Map<String, Object> options = new HashMap<>();
        Path jaas = etc.resolve("org.apache.karaf.jaas.cfg");
        if (Files.exists(jaas)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(jaas, StandardCharsets.ISO_8859_1)) {
                p.load(r);
            }
            p.stringPropertyNames().stream().filter(k -> k.startsWith("encryption."))
                    .forEach(k -> options.put(k, p.getProperty(k).trim()));
        }
        options.put("users", users.toString());
        options.put(BundleContext.class.getName(), context);
        for (ServiceReference<BackingEngineFactory> ref : context.getServiceReferences(BackingEngineFactory.class, null)) {
            BackingEngineFactory factory = context.getService(ref);
            try {
                if (factory != null && PROPERTIES_MODULE.equals(factory.getModuleClass())) {
                    BackingEngine engine = factory.build(options);
                    engine.addUser(login, password);
                    engine.addGroup(login, "admingroup");
                    return true;
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return false;
    }

    static boolean hasUser(List<String> lines) {
        return lines.stream().map(String::trim)
                .anyMatch(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("_g_") && l.contains("="));
    }
}
