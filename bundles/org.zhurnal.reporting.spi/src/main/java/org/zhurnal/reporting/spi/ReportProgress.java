package org.zhurnal.reporting.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a long report tells how far it is: the platform shows it on the report's job ({@code GET
 * /api/v1/reports/jobs/{id}}). Calls are cheap; a plug-in may call it per class or per page.
 *
 * @since 1.1
 */
@ProviderType
public interface ReportProgress {
    /**
     * @param done units of work finished
     * @param total units of work in all ({@code 0} when not known)
     * @param step what is being done now, for people (e.g. «5А»), or {@code null}
     */
    void update(int done, int total, String step);

    /** @return a progress that goes nowhere, for inline runs */
    static ReportProgress none() {
        return (done, total, step) -> {
        };
    }
}
