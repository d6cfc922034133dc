package org.zhurnal.core.api.tenancy;

/**
 * A school (образовательная организация).
 *
 * @param id its id
 * @param municipalityId the municipality it belongs to
 * @param shortName short name, e.g. «Школа № 7»
 * @param fullName full official name
 * @param timeZone IANA zone id
 */
public record School(String id, String municipalityId, String shortName, String fullName, String timeZone) {
}
