package org.zhurnal.security.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.security.Grant;

/**
 * Vouches for a family grant (the role {@code PARENT} or {@code STUDENT} on a student) given through the generic
 * accounts API: the module that keeps people and their families (the roster) registers one as an OSGi service. Such a
 * grant reads a child's marks, so it is given only to the child or to a guardian of the child on record, with a
 * personal-data consent on record (152-ФЗ). With no such service registered, family grants are refused there.
 *
 * @since 1.1
 */
@ConsumerType
public interface FamilyGrantCheck {
    /**
     * @param personId the person the account is for ({@code null} when the request names none)
     * @param grant a grant of the role {@code PARENT} or {@code STUDENT} on a student
     * @return why the grant may not be given to that person, in English and Russian; empty when it may
     */
    Optional<Text> refusal(String personId, Grant grant);
}
