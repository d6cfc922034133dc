package org.zhurnal.core.api.tenancy;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Municipalities and their schools: the tenants. Writes are audited.
 * <p>Thread-safe.
 */
@ProviderType
public interface TenantService {

    Municipality createMunicipality(String name);

    /**
     * @param timeZone IANA zone id such as {@code Europe/Moscow}
     * @throws org.zhurnal.core.api.ProblemException 400 naming the field for invalid input, 404 for
     *         an unknown municipality
     */
    School createSchool(String municipalityId, String shortName, String fullName, String timeZone);

    List<Municipality> municipalities();

    /** @param municipalityId a municipality, or {@code null} for all schools */
    List<School> schools(String municipalityId);

    Optional<School> school(String schoolId);

    Optional<Municipality> municipality(String municipalityId);
}
