package org.zhurnal.diary.api;

/**
 * How a student's family was reached over a period: the seed's control duty of informing parents.
 *
 * @param studentId the student
 * @param openedByFamily whether a parent (or the student) opened the diary
 * @param notified whether a notification was delivered to a guardian or the student
 * @param printoutHanded whether a weekly printout was handed over
 */
public record FamilyReach(String studentId, boolean openedByFamily, boolean notified, boolean printoutHanded) {
    /** @return whether the family was reached in any way */
    public boolean reached() {
        return openedByFamily || notified || printoutHanded;
    }
}
