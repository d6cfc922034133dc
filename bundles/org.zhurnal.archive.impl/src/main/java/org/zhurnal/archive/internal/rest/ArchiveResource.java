package org.zhurnal.archive.internal.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
import org.zhurnal.archive.api.ArchiveRequest;
import org.zhurnal.archive.api.ArchiveService;
import org.zhurnal.archive.api.ArchivedDocument;
import org.zhurnal.archive.api.ExportResult;
import org.zhurnal.archive.api.Verification;
import org.zhurnal.archive.api.YearClosing;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.roster.api.AcademicYears;

/**
 * The signed archive under {@code /api/v1/archive}: a school's documents, archiving a report, closing a year, the
 * stored file, verification and export. For the school's deputy director and coordinator and the municipal and
 * system administrators (403 for anyone else on a school; 404 for a document outside the caller's schools).
 */
@Component(service = RestResource.class)
@Path("archive")
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource implements RestResource {
    private final ArchiveService archive;
    private final ZhurnalClock clock;

    @Activate
    public ArchiveResource(@Reference ArchiveService archive, @Reference ZhurnalClock clock) {
        this.archive = archive;
        this.clock = clock;
    }

    /** The school's documents, newest first ({@code year}: only that academic year). */
    @GET
    @Path("schools/{schoolId}/documents")
    public List<ArchivedDocument> documents(@PathParam("schoolId") String schoolId, @QueryParam("year") String year) {
        return archive.documents(schoolId, year == null || year.isBlank() ? null : AcademicYears.parseRequired("year", year, clock.today()));
    }

    /** Body of an archiving request. */
    public record Archive(String reportId, Map<String, String> parameters, String format, String kind, String replaces, String lang) {
    }

    /** Renders a report and archives it, signed: {@code {reportId, parameters, format?, kind?, replaces?, lang?}}. */
    @POST
    @Path("schools/{schoolId}/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response archive(@PathParam("schoolId") String schoolId, Archive body) {
        if (body == null) {
            throw ProblemException.invalid("reportId", Text.of("reportId is required", "Не указан отчёт"));
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (body.parameters() != null) {
            body.parameters().forEach((k, v) -> {
                if (v != null) {
                    params.put(k, v);
                }
            });
        }
        ArchivedDocument d = archive.archiveReport(schoolId, new ArchiveRequest(body.reportId(), params, body.format(), body.kind(),
                body.replaces(), body.lang()));
        return Response.created(URI.create("archive/documents/" + d.id())).entity(d).build();
    }

    /** The stored file, as stored (verify to know it is intact). */
    @GET
    @Path("documents/{id}")
    @Produces({ "application/pdf", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.WILDCARD })
    public Response file(@PathParam("id") String id) {
        ArchivedDocument d = archive.document(id).orElseThrow(() -> ProblemException.notFound("Archived document", id));
        byte[] content = archive.content(id);
        String ascii = d.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(content, d.mediaType()).header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20")).header("X-Content-SHA256", d.sha256()).build();
    }

    /** The record of a document. */
    @GET
    @Path("documents/{id}/record")
    public ArchivedDocument record(@PathParam("id") String id) {
        return archive.document(id).orElseThrow(() -> ProblemException.notFound("Archived document", id));
    }

    /** Verifies one document: content against its hash, signature over record and hash, trusted certificate. */
    @GET
    @Path("documents/{id}/verify")
    public Verification verify(@PathParam("id") String id) {
        return archive.verify(id);
    }

    /** Verifies every document of the school. */
    @POST
    @Path("schools/{schoolId}/verify")
    public List<Verification> verifyAll(@PathParam("schoolId") String schoolId) {
        return archive.verifyAll(schoolId);
    }

    /** Archives the configured year report of every class of the year; closing again archives nothing twice. */
    @POST
    @Path("schools/{schoolId}/years/{year}/close")
    public YearClosing close(@PathParam("schoolId") String schoolId, @PathParam("year") String year) {
        return archive.closeYear(schoolId, AcademicYears.parseRequired("year", year, clock.today()));
    }

    /** Copies the school's archive to every configured export target; a failed target is reported, the others written. */
    @POST
    @Path("schools/{schoolId}/export")
    public ExportResult export(@PathParam("schoolId") String schoolId) {
        return archive.export(schoolId);
    }
}
