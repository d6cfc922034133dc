package org.zhurnal.roster.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.zhurnal.core.api.Text;

/**
 * What another module has recorded about a student on given days, asked by the roster before it records a leaving date
 * in the past: from the day after it the student is in no class or group, so marks and absences the journal holds for
 * those days would belong to nobody's lessons. A module that keeps such records (the gradebook) registers one as an OSGi
 * service (whiteboard); the roster then asks the user to confirm such a leaving date, naming what is recorded.
 *
 * @since 1.6
 */
@ConsumerType
public interface StudentRecordsCheck {

    /**
     * @param studentId the student
     * @param date the leaving date (the student's last day)
     * @return what is recorded for the student on days after {@code date}, one entry per kind of record; empty when
     *         nothing is; never {@code null}
     */
    List<Recorded> recordedAfter(String studentId, LocalDate date);

    /**
     * Records of one kind.
     *
     * @param kind what they are, in words ({@code marks} / «оценки»)
     * @param count how many
     * @param last the last day with one
     */
    record Recorded(Text kind, int count, LocalDate last) {
    }
}
