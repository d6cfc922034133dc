package org.zhurnal.report.timeliness.internal;

import java.util.List;
import java.util.Set;

import org.zhurnal.reporting.spi.ReportFormat;
import org.zhurnal.reporting.spi.ReportParameter;
import org.zhurnal.reporting.spi.ReportPlugin;

/**
 * What the control reports share: an id, a title in Russian and English, a school or municipality date range as
 * parameters, the three formats, and {@link ControlData} to read from. Each report renders its own tables.
 */
abstract class ControlReport implements ReportPlugin {
    private static final Set<ReportFormat> FORMATS = Set.of(ReportFormat.PDF, ReportFormat.CSV, ReportFormat.XLSX);

    private final String id;
    private final String titleRu;
    private final String titleEn;
    private final List<ReportParameter> parameters;
    protected final ControlData data;

    ControlReport(String id, String titleRu, String titleEn, List<ReportParameter> parameters, ControlData data) {
        this.id = id;
        this.titleRu = titleRu;
        this.titleEn = titleEn;
        this.parameters = parameters;
        this.data = data;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title(String language) {
        return "en".equals(language) ? titleEn : titleRu;
    }

    @Override
    public List<ReportParameter> parameters() {
        return parameters;
    }

    @Override
    public Set<ReportFormat> formats() {
        return FORMATS;
    }

    /** The date range (to ≥ from, at most a year), before a run or a job starts. */
    @Override
    public void validate(org.zhurnal.reporting.spi.ReportRequest request) {
        Output.range(request);
    }
}
