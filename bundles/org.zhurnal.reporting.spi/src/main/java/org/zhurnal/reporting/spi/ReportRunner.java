package org.zhurnal.reporting.spi;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs report plug-ins with the platform's checks, for the modules that run reports: the REST runner and its jobs,
 * the archive. Provided by the reporting module; plug-ins never implement it.
 * <p>Thread-safe.
 *
 * @since 1.1
 */
@ProviderType
public interface ReportRunner {

    /** @return the installed report with this id */
    Optional<ReportPlugin> report(String reportId);

    /**
     * Checks a run for the calling principal ({@code CallContext}) without rendering it: the report exists (else a
     * 404 problem), the format is one it offers and every parameter is known, present when required and well-formed
     * (else a 400 problem naming {@code format} or {@code parameters.<name>}), and the caller may ADMINISTER each
     * CLASS, SCHOOL and MUNICIPALITY named (else 403). Parents and students are refused (403).
     *
     * @param format a {@link ReportFormat} name, case-insensitive
     * @param language {@code en} for English, anything else for Russian
     * @return the checked request, to pass to {@link #render}
     */
    ReportRequest check(String reportId, String format, Map<String, String> parameters, String language);

    /**
     * Renders a checked request. A plug-in's {@link ReportParameterException} becomes a 400 problem naming
     * {@code parameters.<name>}; a report uninstalled meanwhile a 404 problem.
     */
    ReportOutput render(String reportId, ReportRequest request, ReportProgress progress);
}
