package org.zhurnal.gradebook.api;

import java.util.List;

/**
 * The work types a mark may be given for. Their weights come from the municipality's grading policy
 * (configuration {@code org.zhurnal.grading.policy}).
 */
public final class WorkTypes {
    /** Type id and its Russian name, in the order teachers see them. */
    public record WorkType(String id, String name) {}

    public static final List<WorkType> ALL = List.of(new WorkType("ORAL", "Ответ на уроке"), new WorkType("HOMEWORK", "Домашняя работа"),
            new WorkType("CLASSWORK", "Работа на уроке"), new WorkType("DICTATION", "Диктант"), new WorkType("ESSAY", "Сочинение"),
            new WorkType("PRACTICAL", "Практическая работа"), new WorkType("LAB", "Лабораторная работа"),
            new WorkType("TEST", "Самостоятельная работа"), new WorkType("PROJECT", "Проект"), new WorkType("CONTROL", "Контрольная работа"));

    private WorkTypes() {
    }

    /** @return whether {@code id} is a known work type */
    public static boolean isKnown(String id) {
        return ALL.stream().anyMatch(w -> w.id().equals(id));
    }
}
