package org.zhurnal.archive.api;

import java.util.Map;

/**
 * A request to render a report and archive the result.
 *
 * @param reportId the report plug-in's id ({@code zhurnal.report.id})
 * @param parameters the report's parameters, checked as the report runner checks them
 * @param format {@code PDF} (default), {@code CSV} or {@code XLSX} — one the report offers
 * @param kind the document's kind; the report id when {@code null}
 * @param replaces the id of the document this one corrects (it must be the latest version), or {@code null}
 * @param lang {@code ru} (default) or {@code en}
 */
public record ArchiveRequest(String reportId, Map<String, String> parameters, String format, String kind, String replaces, String lang) {
    public ArchiveRequest {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
