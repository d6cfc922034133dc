package org.zhurnal.security.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.demo.DemoContext;
import org.zhurnal.core.api.demo.DemoDataContributor;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.NewAccount;

/** Demo staff accounts of the demo school (fictional people) with generated passwords. */
@Component(service = DemoDataContributor.class)
public class SecurityDemo implements DemoDataContributor {
    private final AccountService accounts;

    @Activate
    public SecurityDemo(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String id() {
        return "security";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load(DemoContext ctx) {
        account(ctx, "munadmin", "Белов Игорь Николаевич", null, new Grant(Role.MUNICIPAL_ADMIN, ScopeRef.municipality(ctx.municipalityId())),
                "municipal administrator");
        if (ctx.variant() != 0) {
            return; // school accounts only in the demo school itself
        }
        account(ctx, "koordinator", "Кузнецов Андрей Павлович", ctx.schoolId(),
                new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(ctx.schoolId())), "school coordinator");
        account(ctx, "zavuch", "Смирнова Ольга Викторовна", ctx.schoolId(),
                new Grant(Role.DEPUTY_DIRECTOR, ScopeRef.school(ctx.schoolId())), "deputy director");
    }

    private void account(DemoContext ctx, String login, String name, String schoolId, Grant grant, String who) {
        if (accounts.byLogin(login).isPresent()) {
            return;
        }
        String password = Secrets.temporaryPassword();
        accounts.create(new NewAccount(login, name, null, schoolId, List.of(grant), password));
        ctx.credential(login, password, who + " — " + name);
    }
}
