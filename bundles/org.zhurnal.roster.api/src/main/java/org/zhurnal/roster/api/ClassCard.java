package org.zhurnal.roster.api;

import java.util.List;

/**
 * A class with its students (enrolled on the day asked for) and their guardians.
 *
 * @param schoolClass the class
 * @param classTeacher the class teacher, or {@code null}
 * @param students the students, by name
 */
public record ClassCard(SchoolClass schoolClass, Person classTeacher, List<StudentCard> students) {
    public ClassCard {
        students = List.copyOf(students);
    }
}
