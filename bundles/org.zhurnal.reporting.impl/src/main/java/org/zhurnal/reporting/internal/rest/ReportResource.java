package org.zhurnal.reporting.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ScopeType;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.Municipality;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.reporting.internal.ReportRegistry;
import org.zhurnal.reporting.internal.ReportRunnerImpl;
import org.zhurnal.reporting.spi.ReportProgress;
import org.zhurnal.reporting.spi.ReportRunner;
import org.zhurnal.reporting.spi.ReportFormat;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportParameter;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.roster.api.AcademicYears;
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
    private final org.zhurnal.core.api.ZhurnalClock clock;
    private final TenantService tenants;

    private final ReportRunner runner;
    private final org.zhurnal.reporting.internal.jobs.ReportJobs jobs;

    @Activate
    public ReportResource(@Reference ReportRegistry registry, @Reference Authorization authorization, @Reference RosterQuery roster,
            @Reference org.zhurnal.core.api.ZhurnalClock clock, @Reference TenantService tenants,
            @Reference ReportRunner runner, @Reference org.zhurnal.reporting.internal.jobs.ReportJobs jobs) {
        this.runner = runner;
        this.jobs = jobs;
        this.clock = clock;
        this.tenants = tenants;
        this.registry = registry;
        this.authorization = authorization;
        this.roster = roster;
    }

    /** A report in the catalogue. */
    public record ReportInfo(String id, String title, List<ReportParameter> parameters, List<ReportFormat> formats) {
    }

    /** The installed reports ({@code lang}: ru or en). */
    @GET
    public List<ReportInfo> catalogue(@QueryParam("lang") String lang) {
        ZhurnalPrincipal p = staffOnly();
        String language = "en".equals(lang) ? "en" : "ru";
        // A report over a municipality's schools is offered to those who hold a municipality (or the whole system): a school's
        // deputy could only be refused running it.
        boolean municipal = p.grants().stream().anyMatch(g -> g.scope().type() == ScopeType.MUNICIPALITY || g.scope().type() == ScopeType.SYSTEM);
        List<ReportInfo> out = new ArrayList<>();
        for (ReportPlugin r : registry.all()) {
            if (!municipal && r.parameters().stream().anyMatch(x -> x.required() && x.type() == org.zhurnal.reporting.spi.ParameterType.MUNICIPALITY)) {
                continue;
            }
            out.add(new ReportInfo(r.id(), r.title(language), r.parameters(), r.formats().stream().sorted().toList()));
        }
        return out;
    }

    /** A class the caller may run class reports for. */
    public record ClassChoice(String id, String name, int grade, String schoolId, int academicYear) {
    }

    /**
     * The classes the caller may run class reports for: led as class teacher, or of a school they administer, of the
     * academic year {@code year} (its first calendar year; this year by default) — last year's summary sheets need last
     * year's classes. A class teacher's are the classes their grants name, of whichever year.
     */
    @GET
    @Path("classes")
    public List<ClassChoice> classes(@QueryParam("year") String yearParam) {
        ZhurnalPrincipal p = staffOnly();
        final int y = AcademicYears.parse("year", yearParam, clock.today());
        Map<String, ClassChoice> found = new java.util.LinkedHashMap<>();
        for (Grant g : p.grants()) {
            if (g.role() == Role.CLASS_TEACHER && g.scope().type() == org.zhurnal.core.api.security.ScopeType.CLASS) {
                roster.schoolClass(g.scope().id()).ifPresent(c -> found.put(c.id(), choice(c)));
            } else if ((g.role() == Role.DEPUTY_DIRECTOR || g.role() == Role.SCHOOL_COORDINATOR)
                    && g.scope().type() == org.zhurnal.core.api.security.ScopeType.SCHOOL) {
                roster.classes(g.scope().id(), y).forEach(c -> found.put(c.id(), choice(c)));
            } else if ((g.role() == Role.MUNICIPAL_ADMIN || g.role() == Role.SYSTEM_ADMIN)
                    && (g.scope().type() == ScopeType.MUNICIPALITY || g.scope().type() == ScopeType.SYSTEM)) {
                // The municipality's (or every) school's classes: class reports run for them (the runner checks the same).
                for (School s : tenants.schools(g.scope().type() == ScopeType.MUNICIPALITY ? g.scope().id() : null)) {
                    if (authorization.permits(p, Action.ADMINISTER, ScopeRef.school(s.id()))) {
                        roster.classes(s.id(), y).forEach(c -> found.put(c.id(), choice(c)));
                    }
                }
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
        ReportRequest request = runner.check(reportId, body == null ? null : body.format(), body == null ? null : body.parameters(),
                body == null ? null : body.lang());
        return file(runner.render(reportId, request, ReportProgress.none()), request.format());
    }

    /**
     * Queues a run in the background: the body is that of an inline run and is checked the same way at once (bad input
     * is a 400 here, never a failed job); the answer is {@code 202 Accepted} with the job and its {@code Location}.
     */
    @POST
    @Path("{reportId}/jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("reportId") String reportId, Run body) {
        ReportRequest request = runner.check(reportId, body == null ? null : body.format(), body == null ? null : body.parameters(),
                body == null ? null : body.lang());
        org.zhurnal.reporting.internal.jobs.ReportJobs.JobView job = jobs.submit(request.requestedBy(), reportId, request);
        return Response.accepted(job).location(java.net.URI.create("/api/v1/reports/jobs/" + job.id())).build();
    }

    /** @return the file as a download, with its name in ASCII and in UTF-8 (RFC 6266) */
    public static Response file(ReportOutput out, ReportFormat format) {
        String ascii = out.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(out.content(), format.mediaType()).header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(out.fileName(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")).build();
    }

    private static ZhurnalPrincipal staffOnly() {
        return ReportRunnerImpl.staffOnly();
    }
}
