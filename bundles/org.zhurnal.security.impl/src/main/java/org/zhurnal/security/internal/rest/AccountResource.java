package org.zhurnal.security.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalConstants;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.core.api.rest.RolesRequired;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.FamilyGrantCheck;
import org.zhurnal.security.api.IssuedCredentials;
import org.zhurnal.security.api.NewAccount;

/**
 * Account administration. The caller must administer the account's school and every scope they grant;
 * accounts outside the caller's scope answer 404.
 */
@Component(service = RestResource.class)
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesRequired({Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN, Role.SCHOOL_COORDINATOR, Role.DEPUTY_DIRECTOR, Role.CLASS_TEACHER})
public class AccountResource implements RestResource {

    /** Body of {@code POST /accounts}; without a password a temporary one is issued. */
    public record AccountRequest(String login, String displayName, String personId, String schoolId, List<Grant> grants,
            String password) {}

    private final AccountService accounts;
    private final Authorization authorization;

    /** The modules that vouch for family grants (the roster), asked before a PARENT or STUDENT grant is given here. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile List<FamilyGrantCheck> familyChecks = List.of();

    @Activate
    public AccountResource(@Reference AccountService accounts, @Reference Authorization authorization) {
        this.accounts = accounts;
        this.authorization = authorization;
    }

    @GET
    public List<AccountInfo> list(@QueryParam("schoolId") String schoolId) {
        String school = schoolId == null || schoolId.isBlank() ? ZhurnalConstants.SYSTEM_SCOPE : schoolId;
        authorization.check(CallContext.requirePrincipal(), Action.ADMINISTER, scopeOf(school));
        return accounts.bySchool(school);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AccountRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", Text.of("A JSON body is required", "Не переданы данные запроса"));
        }
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        String school = body.schoolId() == null || body.schoolId().isBlank() ? ZhurnalConstants.SYSTEM_SCOPE : body.schoolId();
        authorization.check(p, Action.ADMINISTER, scopeOf(school));
        if (body.grants() != null) {
            for (int i = 0; i < body.grants().size(); i++) {
                Grant g = body.grants().get(i);
                if (g == null || g.scope() == null || g.role() == null) {
                    throw ProblemException.invalid("grants[" + i + "]", Text.of("Each grant needs a role and a scope",
                            "Для каждой роли укажите саму роль и область её действия"));
                }
                if (!authorization.permits(p, Action.ADMINISTER, g.scope())) {
                    throw ProblemException.forbidden(Text.of("You may not grant " + g.role() + " in " + g.scope().type() + " " + g.scope().id(),
                            "У вас нет права выдавать роль «" + roleRu(g.role()) + "» в этой области ("
                                    + scopeRu(g.scope().type()) + ")"));
                }
                requireFamilyLink(body.personId(), g, "grants[" + i + "]");
            }
        }
        IssuedCredentials issued = accounts.create(new NewAccount(body.login(), body.displayName(), body.personId(), school,
                body.grants(), body.password()));
        return Response.status(201).entity(issued).build();
    }

    @GET
    @Path("{id}")
    public AccountInfo get(@PathParam("id") String id) {
        return visible(id);
    }

    @POST
    @Path("{id}/reset-password")
    public IssuedCredentials resetPassword(@PathParam("id") String id) {
        visible(id);
        return accounts.resetPassword(id);
    }

    @POST
    @Path("{id}/disable")
    public AccountInfo disable(@PathParam("id") String id) {
        visible(id);
        if (id.equals(CallContext.requirePrincipal().accountId())) {
            throw ProblemException.conflict("self-disable", Text.of("You cannot disable your own account",
                    "Нельзя отключить собственную учётную запись"));
        }
        return accounts.setDisabled(id, true);
    }

    @POST
    @Path("{id}/enable")
    public AccountInfo enable(@PathParam("id") String id) {
        visible(id);
        return accounts.setDisabled(id, false);
    }

    /**
     * A family grant reads a child's marks: it goes only to the child or to a guardian on record, with a recorded
     * consent — what the roster's issuing from the class card checks — never to whoever an administrator names.
     */
    private void requireFamilyLink(String personId, Grant g, String field) {
        if (g.role() != Role.PARENT && g.role() != Role.STUDENT) {
            return;
        }
        if (g.scope().type() != org.zhurnal.core.api.security.ScopeType.STUDENT) {
            throw ProblemException.invalid(field + ".scope", Text.of("A " + g.role() + " grant is on a student (scope type STUDENT)",
                    "Роль «" + roleRu(g.role()) + "» выдаётся только на ученика"));
        }
        List<FamilyGrantCheck> checks = familyChecks;
        if (checks.isEmpty()) {
            throw ProblemException.conflict("family-unknown", Text.of("No module keeps families here, so no " + g.role() + " grant can be "
                    + "vouched for", "Модуль списков учеников не установлен: роль «" + roleRu(g.role()) + "» выдать нельзя"));
        }
        for (FamilyGrantCheck c : checks) {
            java.util.Optional<Text> why = c.refusal(personId, g);
            if (why.isPresent()) {
                throw ProblemException.invalid(field, why.get());
            }
        }
    }

    private AccountInfo visible(String id) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        return accounts.byId(id).filter(a -> authorization.permits(p, Action.ADMINISTER, scopeOf(a.schoolId())))
                .orElseThrow(() -> ProblemException.notFound("Account", id));
    }

    /** A role as the Russian UI names it, for problems. */
    private static String roleRu(org.zhurnal.core.api.security.Role role) {
        return switch (role) {
            case SYSTEM_ADMIN -> "администратор системы";
            case MUNICIPAL_ADMIN -> "администратор муниципалитета";
            case SCHOOL_COORDINATOR -> "ответственный за электронный журнал";
            case DEPUTY_DIRECTOR -> "заместитель директора";
            case TEACHER -> "учитель";
            case CLASS_TEACHER -> "классный руководитель";
            case STUDENT -> "ученик";
            case PARENT -> "родитель";
            default -> role.name();
        };
    }

    /** A kind of scope in Russian: «класс». */
    private static String scopeRu(org.zhurnal.core.api.security.ScopeType type) {
        return switch (type) {
            case SYSTEM -> "система";
            case MUNICIPALITY -> "муниципалитет";
            case SCHOOL -> "школа";
            case CLASS -> "класс";
            case GROUP -> "группа";
            case STUDENT -> "ученик";
            default -> type.name();
        };
    }

    private static ScopeRef scopeOf(String schoolId) {
        return ZhurnalConstants.SYSTEM_SCOPE.equals(schoolId) ? ScopeRef.SYSTEM : ScopeRef.school(schoolId);
    }
}
