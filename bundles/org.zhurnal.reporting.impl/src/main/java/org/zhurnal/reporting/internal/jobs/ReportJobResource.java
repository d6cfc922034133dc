package org.zhurnal.reporting.internal.jobs;

import java.util.List;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.reporting.internal.ReportRunnerImpl;
import org.zhurnal.reporting.internal.rest.ReportResource;

/**
 * Report jobs over REST (queued by {@code POST /api/v1/reports/{id}/jobs} in {@link ReportResource}):
 * {@code GET /reports/jobs/{jobId}} tells status and progress, {@code GET …/file} gives the file when done,
 * {@code DELETE} cancels or forgets. A job is its owner's: any other account gets 404.
 */
@Component(service = RestResource.class)
@Path("reports/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class ReportJobResource implements RestResource {
    private final ReportJobs jobs;

    @Activate
    public ReportJobResource(@Reference ReportJobs jobs) {
        this.jobs = jobs;
    }

    /** The caller's jobs, newest first. */
    @GET
    public List<ReportJobs.JobView> list(@HeaderParam("Accept-Language") String language) {
        return jobs.list(owner(), Text.preferred(language));
    }

    /** A job's status and progress. */
    @GET
    @Path("{jobId}")
    public ReportJobs.JobView job(@PathParam("jobId") String jobId, @HeaderParam("Accept-Language") String language) {
        return jobs.get(owner(), jobId, Text.preferred(language)).orElseThrow(() -> ProblemException.notFound("Report job", jobId));
    }

    /** The finished job's file (409 while not done). */
    @GET
    @Path("{jobId}/file")
    @Produces({ "application/pdf", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON })
    public Response file(@PathParam("jobId") String jobId) {
        String owner = owner();
        return ReportResource.file(jobs.file(owner, jobId), jobs.format(owner, jobId));
    }

    /** Cancels a waiting or running job, or forgets a finished one. */
    @DELETE
    @Path("{jobId}")
    public Response cancel(@PathParam("jobId") String jobId) {
        jobs.cancel(owner(), jobId);
        return Response.noContent().build();
    }

    private static String owner() {
        ZhurnalPrincipal p = ReportRunnerImpl.staffOnly();
        return p.login();
    }
}
