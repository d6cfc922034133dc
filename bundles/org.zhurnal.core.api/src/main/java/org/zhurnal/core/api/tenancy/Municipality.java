package org.zhurnal.core.api.tenancy;

/**
 * A municipality: owner of several schools.
 *
 * @param id its id
 * @param name its name
 */
public record Municipality(String id, String name) {
}
