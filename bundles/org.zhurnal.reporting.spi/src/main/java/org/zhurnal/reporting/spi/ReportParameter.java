package org.zhurnal.reporting.spi;

/**
 * A parameter of a report.
 *
 * @param name its name in a run's parameters, e.g. {@code classId}
 * @param type what it holds
 * @param required whether a run must give it
 * @param labelRu its label in Russian
 * @param labelEn its label in English
 */
public record ReportParameter(String name, ParameterType type, boolean required, String labelRu, String labelEn) {
}
