package org.zhurnal.gradebook.api;

import java.util.List;

/**
 * A grading scheme as the gradebook sees it.
 *
 * @param id the scheme id
 * @param name its Russian name
 * @param nameEn its English name
 * @param currentValues values for current marks
 * @param finalValues values for final grades
 * @param bundle the symbolic name and version of the plug-in bundle providing it
 */
public record SchemeInfo(String id, String name, String nameEn, List<String> currentValues, List<String> finalValues, String bundle) {
}
