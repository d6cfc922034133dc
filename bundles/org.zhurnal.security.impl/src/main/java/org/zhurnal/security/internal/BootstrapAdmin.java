package org.zhurnal.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.ZhurnalConstants;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.IssuedCredentials;
import org.zhurnal.security.api.NewAccount;

/**
 * Creates the first system administrator ({@code admin}) when it does not exist: with the password in
 * the environment variable {@code ZHURNAL_ADMIN_PASSWORD}, or else a generated temporary password
 * written once to {@code data/zhurnal-admin-password.txt} (owner-only) that must be changed at first
 * sign-in. The Karaf console/ssh/web console user {@code admin} gets the same initial password (see
 * {@link KarafUsers}). There is no default password.
 */
@Component(immediate = true)
public class BootstrapAdmin {
    static final String LOGIN = "admin";
    static final String ENV = "ZHURNAL_ADMIN_PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    @Activate
    public BootstrapAdmin(@Reference AccountService accounts, BundleContext context) {
        new CallContext(ZhurnalPrincipal.SYSTEM, "bootstrap-admin").run(() -> {
            if (accounts.byLogin(LOGIN).isPresent()) {
                consoleUserForAnotherNode(context);
                return;
            }
            String fromEnv = System.getenv(ENV);
            try {
                IssuedCredentials issued = accounts.create(new NewAccount(LOGIN, "Администратор системы", null,
                        ZhurnalConstants.SYSTEM_SCOPE, List.of(new Grant(Role.SYSTEM_ADMIN, ScopeRef.SYSTEM)),
                        fromEnv == null || fromEnv.isBlank() ? null : fromEnv));
                // The password file first: if anything after fails, the administrator is still reachable.
                if (issued.temporaryPassword() != null) {
                    Path file = writePassword(issued.temporaryPassword());
                    LOG.warn("Created the system administrator '{}'; its temporary password is in {} (change it at first sign-in)",
                            LOGIN, file);
                } else {
                    LOG.info("Created the system administrator '{}' with the password from ${}", LOGIN, ENV);
                }
                String initial = issued.temporaryPassword() != null ? issued.temporaryPassword() : fromEnv;
                try {
                    if (KarafUsers.addAdminIfNone(context, LOGIN, initial)) {
                        LOG.info("Added the Karaf console user '{}' (group admingroup) with the same initial password", LOGIN);
                    }
                } catch (IOException | org.osgi.framework.InvalidSyntaxException | RuntimeException e) {
                    LOG.error("Could not add the Karaf console user; add one with jaas:useradd from the local console", e);
                }
            } catch (ProblemException e) {
                if (e.status() == 409) {
                    return; // another node created it first
                }
                LOG.error("Could not create the system administrator: {} ({})", e.getMessage(),
                        e.field() == null ? "" : "field " + e.field() + " — check " + ENV);
            } catch (IOException e) {
                LOG.error("Could not write the administrator's password file", e);
            }
        });
    }

    /**
     * A node that joins a database where the administrator already exists (a second Karaf node on the same
     * PostgreSQL, or a fresh distribution on restored data) still needs a console user: it gets
     * ${ZHURNAL_ADMIN_PASSWORD}, or a generated password written to data/karaf-admin-password.txt.
     */
    private static void consoleUserForAnotherNode(BundleContext context) {
        try {
            String fromEnv = System.getenv(ENV);
            String password = fromEnv == null || fromEnv.isBlank() ? Secrets.temporaryPassword() : fromEnv;
            if (KarafUsers.addAdminIfNone(context, LOGIN, password)) {
                if (fromEnv == null || fromEnv.isBlank()) {
                    Path file = writeFile("karaf-admin-password.txt", password + System.lineSeparator()
                            + "# Karaf console/ssh/web console user 'admin' of this node (change with jaas:passwd)." + System.lineSeparator());
                    LOG.warn("Added the Karaf console user '{}'; its password is in {}", LOGIN, file);
                } else {
                    LOG.info("Added the Karaf console user '{}' with the password from ${}", LOGIN, ENV);
                }
            }
        } catch (IOException | org.osgi.framework.InvalidSyntaxException | RuntimeException e) {
            LOG.error("Could not add the Karaf console user; add one with jaas:useradd from the local console", e);
        }
    }

    static Path writePassword(String password) throws IOException {
        return writeFile("zhurnal-admin-password.txt", password + System.lineSeparator()
                + "# Zhurnal user 'admin': temporary password above; you set your own at first sign-in." + System.lineSeparator()
                + "# Karaf console/ssh/web console user 'admin': the same password until changed with jaas:passwd." + System.lineSeparator());
    }

    private static Path writeFile(String name, String content) throws IOException {
        Path file = Paths.get(System.getProperty("karaf.data", "data"), name);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }
}
