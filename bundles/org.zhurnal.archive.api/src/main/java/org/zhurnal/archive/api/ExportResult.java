package org.zhurnal.archive.api;

import java.util.List;

/**
 * The result of exporting a school's archive to every configured target.
 *
 * @param schoolId the school
 * @param documents how many documents were exported
 * @param targets one entry per configured target, in configuration order
 */
public record ExportResult(String schoolId, int documents, List<Target> targets) {
    public ExportResult {
        targets = List.copyOf(targets);
    }

    /** @return whether every target was written */
    public boolean ok() {
        return !targets.isEmpty() && targets.stream().allMatch(Target::ok);
    }

    /**
     * One export target.
     *
     * @param directory the target directory
     * @param ok whether it was written completely
     * @param error why not, or {@code null}
     */
    public record Target(String directory, boolean ok, String error) {
    }
}
