package org.zhurnal.roster.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.roster.api.AcademicYears;
import org.zhurnal.roster.api.ClassCard;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.ImportReport;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterService;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.roster.internal.AccountIssuer;
import org.zhurnal.roster.internal.ConsentRegistry;
import org.zhurnal.roster.internal.Groups;
import org.zhurnal.roster.internal.PersonAccounts;
import org.zhurnal.roster.internal.SchoolProfiles;
import org.zhurnal.roster.internal.importer.NativeCsv;

/** The roster over REST, under {@code /api/v1/roster}. Scope checks are done by the services. */
@Component(service = RestResource.class)
@Path("roster")
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource implements RestResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";

    /** Body of a withdrawal. */
    public record Withdrawal(LocalDate date) {}

    /**
     * The answer of an account issue in JSON. The temporary passwords are shown this once; with
     * delivery=email they are left out for those who were mailed.
     */
    public record IssueAnswer(String className, List<AccountIssuer.Issued> issued, List<AccountIssuer.Delivery> deliveries) {}

    private final RosterService roster;
    @Reference
    private org.zhurnal.roster.internal.PersonEdits personEdits;
    @Reference
    private org.zhurnal.roster.internal.Achievements achievements;
    @Reference
    private org.zhurnal.roster.internal.Enrolment enrolment;
    private final org.zhurnal.roster.internal.Promotion promotion;
    private final AccountIssuer issuer;
    private final ConsentRegistry consents;
    private final ZhurnalClock clock;
    private final SchoolProfiles profiles;
    private final PersonAccounts personAccounts;
    private final Groups groups;

    @Activate
    public RosterResource(@Reference RosterService roster, @Reference AccountIssuer issuer, @Reference ConsentRegistry consents,
            @Reference ZhurnalClock clock, @Reference org.zhurnal.roster.internal.Promotion promotion,
            @Reference SchoolProfiles profiles, @Reference PersonAccounts personAccounts, @Reference Groups groups) {
        this.groups = groups;
        this.profiles = profiles;
        this.personAccounts = personAccounts;
        this.roster = roster;
        this.promotion = promotion;
        this.issuer = issuer;
        this.consents = consents;
        this.clock = clock;
    }

    /** Classes of a school in an academic year (default: the current one) that the caller may see. */
    @GET
    @Path("schools/{schoolId}/classes")
    public List<SchoolClass> classes(@PathParam("schoolId") String schoolId, @QueryParam("year") String year) {
        return roster.classes(schoolId, AcademicYears.parse("year", year, clock.today()));
    }

    /** A class with its students and their guardians. */
    @GET
    @Path("classes/{classId}")
    public ClassCard classCard(@PathParam("classId") String classId) {
        return roster.classCard(classId);
    }

    @GET
    @Path("persons/{personId}")
    public Person person(@PathParam("personId") String personId) {
        return roster.person(personId);
    }

    /** Undoes a student's leaving (recorded by mistake): back in the classes and groups they left on that day. */
    @POST
    @Path("persons/{personId}/return")
    public Person cancelLeaving(@PathParam("personId") String personId) {
        return personEdits.cancelLeaving(personId);
    }

    /** The students who left the school from the class, newest leaving first. */
    @GET
    @Path("classes/{classId}/departed")
    public List<Person> departed(@PathParam("classId") String classId) {
        return ((org.zhurnal.roster.internal.RosterServiceImpl) roster).departed(classId);
    }

    /** Corrects one person's record; fields left out stay as they are. */
    @javax.ws.rs.PUT
    @Path("persons/{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Person updatePerson(@PathParam("personId") String personId, org.zhurnal.roster.internal.PersonEdits.PersonUpdate body) {
        return personEdits.update(personId, body);
    }

    /**
     * Enrols a newcomer into the class by hand: {@code {lastName, firstName, middleName?, birthDate, sex, admissionDate?, code?,
     * guardians?: [{lastName, firstName, middleName?, relation?, phone?, email?, noElectronicAccess?}], confirm?}}.
     */
    @POST
    @Path("classes/{classId}/students")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response enrol(@PathParam("classId") String classId, org.zhurnal.roster.internal.Enrolment.NewStudent body) {
        Person p = enrolment.enrol(classId, body);
        return Response.created(java.net.URI.create("roster/persons/" + p.id())).entity(p).build();
    }

    /**
     * Moves a student to another class of the same school year: {@code {classId, date, confirm?}}, {@code date} the first day in
     * the new class (409 {@code records-after-transfer} while the journal holds the student's records from then on, unless
     * {@code confirm}).
     */
    @POST
    @Path("persons/{personId}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Person transfer(@PathParam("personId") String personId, org.zhurnal.roster.internal.PersonEdits.Transfer body) {
        return personEdits.transfer(personId, body);
    }

    /** A student's achievements (portfolio), newest first. */
    @GET
    @Path("persons/{personId}/achievements")
    public List<org.zhurnal.roster.internal.Achievements.Achievement> achievements(@PathParam("personId") String personId) {
        return achievements.of(personId);
    }

    @POST
    @Path("persons/{personId}/achievements")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addAchievement(@PathParam("personId") String personId,
            org.zhurnal.roster.internal.Achievements.NewAchievement body) {
        return Response.status(201).entity(achievements.add(personId, body)).build();
    }

    @javax.ws.rs.DELETE
    @Path("achievements/{id}")
    public Response removeAchievement(@PathParam("id") String id) {
        achievements.remove(id);
        return Response.noContent().build();
    }

    @GET
    @Path("schools/{schoolId}/staff")
    public List<Person> staff(@PathParam("schoolId") String schoolId) {
        return roster.staff(schoolId);
    }

    /**
     * Imports the native template (body: the file — CSV in UTF-8 or Windows-1251, or the same columns as the first
     * worksheet of an XLSX workbook). All-or-nothing: an invalid file gives 400 with every error as file:row:column.
     */
    @POST
    @Path("schools/{schoolId}/import")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN, XLSX})
    public ImportReport importCsv(@PathParam("schoolId") String schoolId, @QueryParam("fileName") String fileName,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun, InputStream body) throws IOException {
        byte[] content = body.readNBytes((int) NativeCsv.MAX_BYTES + 1);
        String name = fileName != null ? fileName : NativeCsv.isXlsx(content) ? "import.xlsx" : "import.csv";
        return roster.importCsv(schoolId, name, content, dryRun);
    }

    /** Imports a OneRoster 1.2 CSV zip (all-or-nothing, idempotent like the native template). */
    @POST
    @Path("schools/{schoolId}/import/oneroster")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public ImportReport importOneRoster(@PathParam("schoolId") String schoolId,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun, InputStream body) throws IOException {
        byte[] content = body.readNBytes((int) org.zhurnal.roster.internal.importer.OneRosterCsv.MAX_TOTAL_BYTES + 1);
        if (content.length > org.zhurnal.roster.internal.importer.OneRosterCsv.MAX_TOTAL_BYTES) {
            throw new ProblemException(413, "too-large", "File too large", Text.of("The zip is too large", "ZIP-архив слишком большой"),
                    "file");
        }
        return ((org.zhurnal.roster.internal.RosterServiceImpl) roster).importOneRoster(schoolId, content, dryRun);
    }

    /** Exports the roster of an academic year: students.csv or staff.csv (native template) or oneroster.zip (OneRoster 1.2 CSV). */
    @GET
    @Path("schools/{schoolId}/export/{file}")
    @Produces({"text/csv", "application/zip", XLSX})
    public Response export(@PathParam("schoolId") String schoolId, @PathParam("file") String file, @QueryParam("year") String year) {
        int y = AcademicYears.parse("year", year, clock.today());
        var snapshot = ((org.zhurnal.roster.internal.RosterServiceImpl) roster).snapshot(schoolId, y);
        return switch (file) {
            case "students.csv" -> Response.ok(org.zhurnal.roster.internal.importer.NativeCsvExport.students(snapshot)
                    .getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8").header("Content-Disposition",
                            "attachment; filename=\"students.csv\"").build();
            case "staff.csv" -> Response.ok(org.zhurnal.roster.internal.importer.NativeCsvExport.staff(snapshot)
                    .getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8").header("Content-Disposition",
                            "attachment; filename=\"staff.csv\"").build();
            case "students.xlsx" -> Response.ok(org.zhurnal.roster.internal.importer.NativeCsvExport.studentsXlsx(snapshot), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"students.xlsx\"").build();
            case "staff.xlsx" -> Response.ok(org.zhurnal.roster.internal.importer.NativeCsvExport.staffXlsx(snapshot), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"staff.xlsx\"").build();
            case "oneroster.zip" -> Response.ok(org.zhurnal.roster.internal.importer.OneRosterCsv.export(snapshot), "application/zip")
                    .header("Content-Disposition", "attachment; filename=\"oneroster.zip\"").build();
            default -> throw ProblemException.notFound("Export format", file);
        };
    }

    /** Empty templates of the native import format: {@code students.csv}, {@code staff.csv}, {@code students.xlsx}, {@code staff.xlsx}. */
    @GET
    @Path("templates/{file}")
    @Produces({"text/csv;charset=UTF-8", XLSX})
    public Response template(@PathParam("file") String file) {
        int dot = file.lastIndexOf('.');
        String kind = dot < 0 ? file : file.substring(0, dot);
        String ext = dot < 0 ? "" : file.substring(dot + 1);
        String[] header = switch (kind) {
            case "students" -> org.zhurnal.roster.internal.importer.NativeCsvExport.STUDENT_HEADER;
            case "staff" -> org.zhurnal.roster.internal.demo.DemoRosterGenerator.STAFF_HEADER;
            default -> throw ProblemException.notFound("Template", file);
        };
        Response.ResponseBuilder answer = switch (ext) {
            case "csv" -> Response.ok(("\uFEFF" + String.join(";", header) + "\n").getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8");
            case "xlsx" -> Response.ok(org.zhurnal.sheets.api.Sheets.xlsx(new org.zhurnal.sheets.api.Table(
                    "students".equals(kind) ? "Ученики" : "Сотрудники", java.util.List.of(header), java.util.List.of())), XLSX);
            default -> throw ProblemException.notFound("Template", file);
        };
        return answer.header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    /**
     * Issues accounts to the class's students and/or guardians who have none. {@code format=pdf} answers
     * the receipt sheet; {@code json} the credentials. Either way the temporary passwords are shown only now.
     */
    @POST
    @Path("classes/{classId}/accounts")
    @Produces({MediaType.APPLICATION_JSON, PDF})
    public Response issue(@PathParam("classId") String classId, @QueryParam("students") @DefaultValue("true") boolean students,
            @QueryParam("guardians") @DefaultValue("true") boolean guardians, @QueryParam("format") @DefaultValue("json") String format,
            @QueryParam("delivery") @DefaultValue("none") String delivery) {
        if (!format.equals("json") && !format.equals("pdf")) {
            throw ProblemException.invalid("format", Text.of("format is json or pdf", "Формат — json или pdf"));
        }
        if (!delivery.equals("none") && !delivery.equals("email")) {
            throw ProblemException.invalid("delivery", Text.of("delivery is none or email", "Способ выдачи — none или email"));
        }
        AccountIssuer.Result r = issuer.issueForClass(classId, students, guardians);
        if (delivery.equals("email")) {
            String school = roster.classCard(classId).schoolClass().schoolId();
            List<AccountIssuer.Delivery> deliveries = issuer.mail(r, issuer.schoolName(school));
            java.util.Set<String> mailed = deliveries.stream().filter(AccountIssuer.Delivery::sent)
                    .map(AccountIssuer.Delivery::personId).collect(java.util.stream.Collectors.toSet());
            List<AccountIssuer.Issued> rest = r.issued().stream().map(i -> mailed.contains(i.personId())
                    ? new AccountIssuer.Issued(i.personId(), i.fullName(), i.role(), i.login(), null, i.email()) : i).toList();
            return Response.ok(new IssueAnswer(r.className(), rest, deliveries), MediaType.APPLICATION_JSON).build();
        }
        if (format.equals("pdf")) {
            return Response.ok(r.receiptSheet(), PDF)
                    .header("Content-Disposition", "attachment; filename=\"accounts-" + classId + ".pdf\"").build();
        }
        return Response.ok(new IssueAnswer(r.className(), r.issued(), List.of()), MediaType.APPLICATION_JSON).build();
    }

    /**
     * Issues accounts to the school's staff who have none, with the grants the roster implies.
     * {@code format=pdf} answers the receipt sheet; {@code json} the credentials, shown only now.
     */
    /** Each staff member's consent (in force today) and account login, for the school's administrators. */
    @GET
    @Path("schools/{schoolId}/staff-accounts")
    public List<AccountIssuer.StaffStanding> staffStanding(@PathParam("schoolId") String schoolId) {
        return issuer.staffStanding(schoolId);
    }

    @POST
    @Path("schools/{schoolId}/staff-accounts")
    @Produces({MediaType.APPLICATION_JSON, PDF})
    public Response issueStaff(@PathParam("schoolId") String schoolId, @QueryParam("format") @DefaultValue("json") String format) {
        if (!format.equals("json") && !format.equals("pdf")) {
            throw ProblemException.invalid("format", Text.of("format is json or pdf", "Формат — json или pdf"));
        }
        AccountIssuer.Result r = issuer.issueForStaff(schoolId);
        if (format.equals("pdf")) {
            return Response.ok(r.receiptSheet(), PDF)
                    .header("Content-Disposition", "attachment; filename=\"accounts-staff-" + schoolId + ".pdf\"").build();
        }
        return Response.ok(new IssueAnswer(r.className(), r.issued(), List.of()), MediaType.APPLICATION_JSON).build();
    }

    /** Groups of a school in an academic year (default: the current one) that the caller may see. */
    @GET
    @Path("schools/{schoolId}/groups")
    public List<Group> groups(@PathParam("schoolId") String schoolId, @QueryParam("year") String year) {
        return groups.list(schoolId, AcademicYears.parse("year", year, clock.today()));
    }

    /** Creates a group: {@code {classId?, kind, name, teacherId?, academicYear?}}. */
    @POST
    @Path("schools/{schoolId}/groups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createGroup(@PathParam("schoolId") String schoolId, Groups.GroupInput body) {
        return Response.status(201).entity(groups.create(schoolId, body)).type(MediaType.APPLICATION_JSON).build();
    }

    /** A group with its teacher and its members on {@code date} (default today). */
    @GET
    @Path("groups/{groupId}")
    public Groups.GroupCard group(@PathParam("groupId") String groupId, @QueryParam("date") String date) {
        return groups.card(groupId, parseDate("date", date));
    }

    /** Renames a group or changes its teacher: {@code {name, teacherId?}}. */
    @PUT
    @Path("groups/{groupId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Group updateGroup(@PathParam("groupId") String groupId, Groups.GroupInput body) {
        return groups.update(groupId, body);
    }

    /** Sets the members as of a date: {@code {studentIds: [...], from?: "yyyy-MM-dd"}}; history is kept. */
    @PUT
    @Path("groups/{groupId}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Groups.GroupCard setMembers(@PathParam("groupId") String groupId, Groups.MembersInput body) {
        return groups.setMembers(groupId, body);
    }

    private static LocalDate parseDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, Text.of(field + " is a date, yyyy-MM-dd", "Дата указывается в виде ГГГГ-ММ-ДД"));
        }
    }

    /** What promoting the school's classes to the next year would do; changes nothing. */
    @POST
    @Path("schools/{schoolId}/promotion/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public org.zhurnal.roster.internal.Promotion.Plan previewPromotion(@PathParam("schoolId") String schoolId,
            org.zhurnal.roster.internal.Promotion.Request body) {
        return promotion.run(schoolId, body, false);
    }

    /** Promotes (idempotent): 5А → 6А, 11th graders graduate, exceptions retained or leaving. */
    @POST
    @Path("schools/{schoolId}/promotion/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    public org.zhurnal.roster.internal.Promotion.Plan applyPromotion(@PathParam("schoolId") String schoolId,
            org.zhurnal.roster.internal.Promotion.Request body) {
        return promotion.run(schoolId, body, true);
    }

    @POST
    @Path("consents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordConsent(ConsentRegistry.NewConsent body) {
        return Response.status(201).entity(consents.record(body)).build();
    }

    @POST
    @Path("consents/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsentRegistry.Consent withdraw(@PathParam("id") String id, Withdrawal body) {
        return consents.withdraw(id, body == null ? null : body.date());
    }

    @GET
    @Path("persons/{personId}/consents")
    public List<ConsentRegistry.Consent> consentsOf(@PathParam("personId") String personId) {
        return consents.of(personId);
    }

    /** Consent status of the class's students and guardians. */
    @GET
    @Path("classes/{classId}/consents")
    public List<ConsentRegistry.Line> classConsents(@PathParam("classId") String classId) {
        return consents.classReport(classId);
    }

    /** The school's profile; without a stored one, the names from the tenancy and the rest empty. */
    @GET
    @Path("schools/{schoolId}/profile")
    public SchoolProfiles.Profile profile(@PathParam("schoolId") String schoolId) {
        return profiles.get(schoolId);
    }

    /** Replaces the school's profile (INN and OGRN checked with their control digits). */
    @PUT
    @Path("schools/{schoolId}/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    public SchoolProfiles.Profile putProfile(@PathParam("schoolId") String schoolId, SchoolProfiles.Profile body) {
        return profiles.put(schoolId, body);
    }

    /** A new temporary password for the person's account, shown this once; their sessions end. */
    @POST
    @Path("persons/{personId}/account/reset")
    public PersonAccounts.Reissued resetPassword(@PathParam("personId") String personId) {
        return personAccounts.resetPassword(personId);
    }

    /** Blocks sign-in to the person's account. */
    @POST
    @Path("persons/{personId}/account/revoke")
    public PersonAccounts.State revoke(@PathParam("personId") String personId) {
        return personAccounts.setDisabled(personId, true);
    }

    /** Unblocks sign-in to the person's account. */
    @POST
    @Path("persons/{personId}/account/restore")
    public PersonAccounts.State restore(@PathParam("personId") String personId) {
        return personAccounts.setDisabled(personId, false);
    }
}
