package org.zhurnal.roster.internal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import org.zhurnal.core.api.persistence.InLists;

/** Queries about personal-data consents (152-ФЗ). */
final class Consents {
    private Consents() {}

    /** @return those of {@code personIds} with a consent given and not withdrawn on {@code day} */
    static Set<String> withConsent(EntityManager em, List<String> personIds, LocalDate day) {
        Set<String> result = new HashSet<>();
        String d = day.toString();
        for (int i = 0; i < personIds.size(); i += 500) {
            result.addAll(em.createQuery("select c.personId from ConsentEntity c where c.personId in :ids and c.status = 'GIVEN' "
                    + "and c.givenOn <= :d and (c.withdrawnOn is null or c.withdrawnOn > :d)", String.class)
                    .setParameter("ids", InLists.padded(personIds.subList(i, Math.min(personIds.size(), i + 500)))).setParameter("d", d)
                    .getResultList());
        }
        return result;
    }
}
