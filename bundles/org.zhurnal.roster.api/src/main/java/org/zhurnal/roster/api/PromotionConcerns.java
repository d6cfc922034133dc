package org.zhurnal.roster.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.zhurnal.core.api.Text;

/**
 * What another module knows against promoting students at the end of a year, asked by the roster's promotion preview:
 * a year grade that is not a pass («2», «н/а», «незачёт») is an academic debt (академическая задолженность), on which the
 * school's pedagogical council decides — a conditional promotion, repeating the year, or another form of study. The
 * roster shows these next to each student; it never decides on them itself. A module that keeps such results (the
 * gradebook) registers one as an OSGi service (whiteboard).
 *
 * @since 1.7
 */
@ConsumerType
public interface PromotionConcerns {

    /**
     * @param schoolId the school
     * @param academicYear the year promoted from (its first calendar year, e.g. 2025 for 2025/2026)
     * @param studentIds the students of the plan
     * @return per student id, what speaks against a plain promotion, in words («Алгебра: годовая «2»»); students without a
     *         concern are left out; never {@code null}
     */
    Map<String, List<Text>> concerns(String schoolId, int academicYear, Collection<String> studentIds);
}
