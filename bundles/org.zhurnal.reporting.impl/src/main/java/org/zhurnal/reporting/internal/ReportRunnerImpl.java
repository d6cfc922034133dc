package org.zhurnal.reporting.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.reporting.spi.ReportFormat;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportParameter;
import org.zhurnal.reporting.spi.ReportParameterException;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportProgress;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.reporting.spi.ReportRunner;
import org.zhurnal.roster.api.RosterQuery;

/**
 * The one place a report run is checked and rendered — inline runs, jobs and the archive all come through here.
 * Every parameter is checked before the plug-in sees it; a CLASS parameter needs ADMINISTER on the class (its class
 * teacher, the school's deputy director and coordinator, the municipality's admin), a SCHOOL parameter ADMINISTER
 * on the school, a MUNICIPALITY parameter ADMINISTER on the municipality. Parents and students never run reports.
 */
@Component(service = ReportRunner.class)
public class ReportRunnerImpl implements ReportRunner {
    private final ReportRegistry registry;
    private final Authorization authorization;
    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final TenantService tenants;

    @Activate
    public ReportRunnerImpl(@Reference ReportRegistry registry, @Reference Authorization authorization, @Reference RosterQuery roster,
            @Reference CalendarQuery calendar, @Reference TenantService tenants) {
        this.registry = registry;
        this.authorization = authorization;
        this.roster = roster;
        this.calendar = calendar;
        this.tenants = tenants;
    }

    @Override
    public Optional<ReportPlugin> report(String reportId) {
        return registry.get(reportId);
    }

    @Override
    public ReportRequest check(String reportId, String formatName, Map<String, String> parameters, String language) {
        ZhurnalPrincipal p = staffOnly();
        ReportPlugin report = registry.get(reportId).orElseThrow(() -> ProblemException.notFound("Report", reportId));
        if (formatName == null || formatName.isBlank()) {
            throw ProblemException.invalid("format", Text.of("format is required: one of " + report.formats(),
                    "Выберите формат отчёта: " + formats(report)));
        }
        ReportFormat format;
        try {
            format = ReportFormat.valueOf(formatName.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("format", Text.of("format is one of " + report.formats(),
                    "Неизвестный формат «" + formatName.trim() + "»; отчёт выдаётся в форматах: " + formats(report)));
        }
        if (!report.formats().contains(format)) {
            throw ProblemException.invalid("format", Text.of("report " + reportId + " offers " + report.formats(),
                    "Отчёт «" + title(report) + "» выдаётся только в форматах: " + formats(report)));
        }
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        for (String name : given.keySet()) {
            if (report.parameters().stream().noneMatch(x -> x.name().equals(name))) {
                throw ProblemException.invalid("parameters." + name, Text.of("report " + reportId + " has no parameter " + name,
                        "У отчёта «" + title(report) + "» нет параметра «" + name + "»"));
            }
        }
        Map<String, String> checked = new HashMap<>();
        for (ReportParameter param : report.parameters()) {
            String v = given.get(param.name());
            if (v == null || v.isBlank()) {
                if (param.required()) {
                    throw ProblemException.invalid("parameters." + param.name(), Text.of(param.name() + " is required",
                            "Не указан параметр «" + label(param) + "»"));
                }
                continue;
            }
            checked.put(param.name(), check(p, param, v.trim()));
        }
        ReportRequest request = new ReportRequest(checked, format, "en".equals(language) ? "en" : "ru", p.login());
        try {
            report.validate(request); // what only the report can judge, before a run or a job starts
        } catch (ReportParameterException e) {
            throw ProblemException.invalid("parameters." + e.parameter(), Text.of(e.getMessage(), e.russianMessage()));
        }
        return request;
    }

    @Override
    public ReportOutput render(String reportId, ReportRequest request, ReportProgress progress) {
        ReportPlugin report = registry.get(reportId).orElseThrow(() -> ProblemException.notFound("Report", reportId));
        ReportOutput out;
        try {
            out = report.render(request, progress == null ? ReportProgress.none() : progress);
        } catch (ReportParameterException e) {
            throw ProblemException.invalid("parameters." + e.parameter(), Text.of(e.getMessage(), e.russianMessage()));
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Report " + reportId + " failed", e);
        }
        if (out == null || out.content() == null || out.fileName() == null || out.fileName().isBlank()) {
            throw new IllegalStateException("Report " + reportId + " rendered nothing");
        }
        return out;
    }

    private String check(ZhurnalPrincipal p, ReportParameter param, String v) {
        String field = "parameters." + param.name();
        switch (param.type()) {
            case CLASS -> {
                authorization.check(p, Action.ADMINISTER, ScopeRef.schoolClass(v));
                roster.schoolClass(v).orElseThrow(() -> ProblemException.invalid(field, Text.of("no class " + v, "Класс не найден")));
            }
            case SCHOOL -> {
                authorization.check(p, Action.ADMINISTER, ScopeRef.school(v));
                tenants.school(v).orElseThrow(() -> ProblemException.invalid(field, Text.of("no school " + v, "Школа не найдена")));
            }
            case MUNICIPALITY -> {
                authorization.check(p, Action.ADMINISTER, ScopeRef.municipality(v));
                tenants.municipality(v).orElseThrow(() -> ProblemException.invalid(field, Text.of("no municipality " + v, "Муниципалитет не найден")));
            }
            case PERIOD -> calendar.period(v).orElseThrow(() -> ProblemException.invalid(field, Text.of("no reporting period " + v, "Учебный период не найден")));
            case DATE -> {
                try {
                    java.time.LocalDate.parse(v);
                } catch (java.time.format.DateTimeParseException e) {
                    throw ProblemException.invalid(field, Text.of(param.name() + " is a date, yyyy-MM-dd",
                            "«" + label(param) + "»: нужна дата в формате ГГГГ-ММ-ДД"));
                }
            }
            case YEAR -> {
                try {
                    int y = Integer.parseInt(v);
                    if (y < 2000 || y > 2100) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw ProblemException.invalid(field, Text.of(param.name() + " is a year between 2000 and 2100",
                            "«" + label(param) + "»: нужен год от 2000 до 2100"));
                }
            }
            default -> {
            }
        }
        return v;
    }

    /** «PDF, CSV»: the report's formats for a Russian problem. */
    private static String formats(ReportPlugin report) {
        return String.join(", ", report.formats().stream().map(Enum::name).sorted().toList());
    }

    /** The report's Russian title, its id when it has none. */
    private static String title(ReportPlugin report) {
        String t = report.title("ru");
        return t == null || t.isBlank() ? report.id() : t;
    }

    /** The parameter's Russian label, its name when it has none. */
    private static String label(ReportParameter param) {
        return param.labelRu() == null || param.labelRu().isBlank() ? param.name() : param.labelRu();
    }

    /** Reports are for staff: a caller with only parent or student grants is refused. */
    public static ZhurnalPrincipal staffOnly() {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        Set<Role> family = Set.of(Role.PARENT, Role.STUDENT);
        boolean staff = false;
        for (Grant g : p.grants()) {
            staff |= !family.contains(g.role());
        }
        if (!staff) {
            throw ProblemException.forbidden(Text.of("Reports are for school staff", "Отчёты доступны только сотрудникам школы"));
        }
        return p;
    }
}
