package org.zhurnal.reporting.spi;

import java.util.Map;

/**
 * A checked run of a report.
 *
 * @param parameters the parameters by name (validated: required ones present, SCHOOL and CLASS ones readable by the caller)
 * @param format one of the report's formats
 * @param language {@code ru} or {@code en}
 * @param requestedBy the caller's login
 */
public record ReportRequest(Map<String, String> parameters, ReportFormat format, String language, String requestedBy) {
    public ReportRequest {
        parameters = Map.copyOf(parameters);
    }
}
