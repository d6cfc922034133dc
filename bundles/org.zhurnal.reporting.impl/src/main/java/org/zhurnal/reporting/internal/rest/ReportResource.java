package org.zhurnal.reporting.internal.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ScopeType;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.Municipality;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.reporting.internal.ReportRegistry;
import org.zhurnal.reporting.spi.ReportFormat;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportParameter;
import org.zhurnal.reporting.spi.ReportParameterException;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.roster.api.RosterQuery;

/**
 * Reports over REST, under {@code /api/v1/reports}: the catalogue and inline runs. Every parameter is checked
 * before the plug-in sees it; a CLASS parameter needs ADMINISTER on the class (its class teacher, the school's
 * deputy director and coordinator, the municipality's admin), a SCHOOL parameter ADMINISTER on the school, a
 * MUNICIPALITY parameter ADMINISTER on the municipality (its municipal admin). Parents and students never run reports.
 */
@Component(service = RestResource.class)
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource implements RestResource {
    private final ReportRegistry registry;
    private final Authorization authorization;
    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final org.zhurnal.core.api.ZhurnalClock clock;
    private final TenantService tenants;

    @Activate
    public ReportResource(@Reference ReportRegistry registry, @Reference Authorization authorization, @Reference RosterQuery roster,
            @Reference CalendarQuery calendar, @Reference org.zhurnal.core.api.ZhurnalClock clock, @Reference TenantService tenants) {
        this.clock = clock;
        this.tenants = tenants;
        this.registry = registry;
        this.authorization = authorization;
        this.roster = roster;
        this.calendar = calendar;
    }

    /** A report in the catalogue. */
    public record ReportInfo(String id, String title, List<ReportParameter> parameters, List<ReportFormat> formats) {
    }

    /** The installed reports ({@code lang}: ru or en). */
    @GET
    public List<ReportInfo> catalogue(@QueryParam("lang") String lang) {
        staffOnly();
        String language = "en".equals(lang) ? "en" : "ru";
        List<ReportInfo> out = new ArrayList<>();
        for (ReportPlugin r : registry.all()) {
            out.add(new ReportInfo(r.id(), r.title(language), r.parameters(), r.formats().stream().sorted().toList()));
        }
        return out;
    }

    /** A class the caller may run class reports for. */
    public record ClassChoice(String id, String name, int grade, String schoolId, int academicYear) {
    }

    /** The classes the caller may run class reports for: led as class teacher, or of a school they administer (this year). */
    @GET
    @Path("classes")
    public List<ClassChoice> classes() {
        ZhurnalPrincipal p = staffOnly();
        int year = RosterQuery.academicYearOf(clock.today());
        Map<String, ClassChoice> found = new java.util.LinkedHashMap<>();
        for (Grant g : p.grants()) {
            if (g.role() == Role.CLASS_TEACHER && g.scope().type() == org.zhurnal.core.api.security.ScopeType.CLASS) {
                roster.schoolClass(g.scope().id()).ifPresent(c -> found.put(c.id(), choice(c)));
            } else if ((g.role() == Role.DEPUTY_DIRECTOR || g.role() == Role.SCHOOL_COORDINATOR)
                    && g.scope().type() == org.zhurnal.core.api.security.ScopeType.SCHOOL) {
                roster.classes(g.scope().id(), year).forEach(c -> found.put(c.id(), choice(c)));
            }
        }
        return found.values().stream().sorted(java.util.Comparator.comparingInt(ClassChoice::grade).thenComparing(ClassChoice::name)).toList();
    }

    private static ClassChoice choice(org.zhurnal.roster.api.SchoolClass c) {
        return new ClassChoice(c.id(), c.name(), c.grade(), c.schoolId(), c.academicYear());
    }

    /** A school or municipality the caller may run reports for. */
    public record ScopeChoice(String id, String name, String municipalityId) {
    }

    /**
     * The schools the caller may run school reports for (ADMINISTER on the school): a deputy director's or
     * coordinator's own, every school of a municipal admin's municipality, every school for the system admin.
     */
    @GET
    @Path("schools")
    public List<ScopeChoice> schools() {
        ZhurnalPrincipal p = staffOnly();
        return tenants.schools(null).stream().filter(s -> authorization.permits(p, Action.ADMINISTER, ScopeRef.school(s.id())))
                .sorted(java.util.Comparator.comparing(School::shortName)).map(s -> new ScopeChoice(s.id(), s.shortName(), s.municipalityId()))
                .toList();
    }

    /** The municipalities the caller may run municipal reports for (ADMINISTER on the municipality). */
    @GET
    @Path("municipalities")
    public List<ScopeChoice> municipalities() {
        ZhurnalPrincipal p = staffOnly();
        boolean any = p.grants().stream().anyMatch(g -> g.scope().type() == ScopeType.MUNICIPALITY || g.scope().type() == ScopeType.SYSTEM);
        if (!any) {
            return List.of();
        }
        return tenants.municipalities().stream().filter(m -> authorization.permits(p, Action.ADMINISTER, ScopeRef.municipality(m.id())))
                .sorted(java.util.Comparator.comparing(Municipality::name)).map(m -> new ScopeChoice(m.id(), m.name(), m.id())).toList();
    }

    /** Body of a run. */
    public record Run(String format, Map<String, String> parameters, String lang) {
    }

    /** Runs a report inline: {@code {format: PDF|CSV|XLSX, parameters: {...}, lang?}}; the answer is the file. */
    @POST
    @Path("{reportId}/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ "application/pdf", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON })
    public Response run(@PathParam("reportId") String reportId, Run body) {
        ZhurnalPrincipal p = staffOnly();
        ReportPlugin report = registry.get(reportId).orElseThrow(() -> ProblemException.notFound("Report", reportId));
        if (body == null || body.format() == null) {
            throw ProblemException.invalid("format", "format is required: one of " + report.formats());
        }
        ReportFormat format;
        try {
            format = ReportFormat.valueOf(body.format().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("format", "format is one of " + report.formats());
        }
        if (!report.formats().contains(format)) {
            throw ProblemException.invalid("format", "report " + reportId + " offers " + report.formats());
        }
        Map<String, String> given = body.parameters() == null ? Map.of() : body.parameters();
        Map<String, String> checked = new HashMap<>();
        for (ReportParameter param : report.parameters()) {
            String v = given.get(param.name());
            if (v == null || v.isBlank()) {
                if (param.required()) {
                    throw ProblemException.invalid("parameters." + param.name(), param.name() + " is required");
                }
                continue;
            }
            checked.put(param.name(), check(p, param, v.trim()));
        }
        for (String name : given.keySet()) {
            if (report.parameters().stream().noneMatch(x -> x.name().equals(name))) {
                throw ProblemException.invalid("parameters." + name, "report " + reportId + " has no parameter " + name);
            }
        }
        ReportOutput out;
        try {
            out = report.render(new ReportRequest(checked, format, "en".equals(body.lang()) ? "en" : "ru", p.login()));
        } catch (ReportParameterException e) {
            throw ProblemException.invalid("parameters." + e.parameter(), e.getMessage());
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Report " + reportId + " failed", e);
        }
        String ascii = out.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(out.content(), format.mediaType()).header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(out.fileName(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")).build();
    }

    private String check(ZhurnalPrincipal p, ReportParameter param, String v) {
        String field = "parameters." + param.name();
        switch (param.type()) {
            case CLASS -> {
                authorization.check(p, Action.ADMINISTER, ScopeRef.schoolClass(v));
                roster.schoolClass(v).orElseThrow(() -> ProblemException.invalid(field, "no class " + v));
            }
            case SCHOOL -> {
                authorization.check(p, Action.ADMINISTER, ScopeRef.school(v));
                tenants.school(v).orElseThrow(() -> ProblemException.invalid(field, "no school " + v));
            }
            case MUNICIPALITY -> {
                authorization.check(p, Action.ADMINISTER, ScopeRef.municipality(v));
                tenants.municipality(v).orElseThrow(() -> ProblemException.invalid(field, "no municipality " + v));
            }
            case PERIOD -> calendar.period(v).orElseThrow(() -> ProblemException.invalid(field, "no reporting period " + v));
            case DATE -> {
                try {
                    java.time.LocalDate.parse(v);
                } catch (java.time.format.DateTimeParseException e) {
                    throw ProblemException.invalid(field, param.name() + " is a date, yyyy-MM-dd");
                }
            }
            case YEAR -> {
                try {
                    int y = Integer.parseInt(v);
                    if (y < 2000 || y > 2100) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid(field, param.name() + " is a year between 2000 and 2100");
                }
            }
            default -> {
            }
        }
        return v;
    }

    /** Reports are for staff: a caller with only parent or student grants is refused. */
    private ZhurnalPrincipal staffOnly() {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        Set<Role> family = Set.of(Role.PARENT, Role.STUDENT);
        boolean staff = false;
        for (Grant g : p.grants()) {
            staff |= !family.contains(g.role());
        }
        if (!staff) {
            throw ProblemException.forbidden("Reports are for school staff");
        }
        return p;
    }
}
