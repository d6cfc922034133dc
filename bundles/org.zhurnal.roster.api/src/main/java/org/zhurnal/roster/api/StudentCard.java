package org.zhurnal.roster.api;

import java.util.List;

/**
 * A student with the guardians, as shown on a class card.
 *
 * @param student the student
 * @param guardians their guardians
 * @param consent whether a personal-data consent is on record for the student
 * @param hasAccount whether the student has an account
 */
public record StudentCard(Person student, List<Guardianship> guardians, boolean consent, boolean hasAccount) {
    public StudentCard {
        guardians = List.copyOf(guardians);
    }
}
