package org.zhurnal.roster.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A person of the school: staff member, student or guardian.
 *
 * @param id roster id
 * @param schoolId the school
 * @param kind staff, student or guardian
 * @param externalId id in the source system (import key), or {@code null}
 * @param lastName surname
 * @param firstName given name
 * @param middleName patronymic, or {@code null}
 * @param birthDate birth date (students), or {@code null}
 * @param sex {@code M} or {@code F}, or {@code null}
 * @param admissionDate when a student was admitted, or {@code null}
 * @param leavingDate when a student left, or {@code null}
 * @param leavingReason why, or {@code null}
 * @param positions staff positions, comma-separated, or {@code null}
 * @param subjects subjects taught, comma-separated, or {@code null}
 * @param noElectronicAccess guardian declared no electronic access: weekly printouts
 * @param contacts contacts with their source
 */
public record Person(String id, String schoolId, PersonKind kind, String externalId, String lastName, String firstName,
        String middleName, LocalDate birthDate, String sex, LocalDate admissionDate, LocalDate leavingDate,
        String leavingReason, String positions, String subjects, boolean noElectronicAccess, List<Contact> contacts) {

    public Person {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** @return «Фамилия Имя Отчество» */
    public String fullName() {
        return lastName + " " + firstName + (middleName == null || middleName.isBlank() ? "" : " " + middleName);
    }
}
