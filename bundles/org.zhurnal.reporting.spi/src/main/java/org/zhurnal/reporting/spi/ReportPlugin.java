package org.zhurnal.reporting.spi;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A report. The platform lists it at {@code GET /api/v1/reports}, validates a run's parameters against
 * {@link #parameters()} and {@link #formats()}, checks that the caller may read what the CLASS and SCHOOL
 * parameters name (parents and students never run reports), and only then calls {@link #render}.
 * <p>Implementations must be thread-safe.
 */
@ConsumerType
public interface ReportPlugin {
    /** Service property: the report's id. */
    String ID = "zhurnal.report.id";

    /** @return a stable id, e.g. {@code attendance} */
    String id();

    /** @return the title in the language ({@code ru} or {@code en}; Russian for anything else) */
    String title(String language);

    /** @return the parameters, in the order a form shows them */
    List<ReportParameter> parameters();

    /** @return the formats offered */
    Set<ReportFormat> formats();

    /**
     * @return the rendered report
     * @throws ReportParameterException when a parameter's value does not fit (e.g. a period of another school)
     */
    ReportOutput render(ReportRequest request) throws Exception;

    /**
     * Renders with progress; the platform calls this one. Long reports (a whole school, a municipality) override it
     * and call {@link ReportProgress#update} as they go; the default renders without telling.
     *
     * @since 1.1
     */
    default ReportOutput render(ReportRequest request, ReportProgress progress) throws Exception {
        return render(request);
    }

    /**
     * Checks what only the report can judge — its parameters against each other and against the data (a summary
     * sheet's class against its year, a period of another grade) — before a run starts or a job is queued, so that the
     * user is told at once, not by a job that fails afterwards. The platform calls it after its own checks of each
     * parameter; the default accepts. It must not render.
     *
     * @throws ReportParameterException naming the parameter whose value does not fit
     * @since 1.3
     */
    default void validate(ReportRequest request) throws ReportParameterException {
        // nothing to check beyond the parameters' own types
    }
}
