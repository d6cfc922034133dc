package org.zhurnal.core.api.security;

/**
 * The roles of the school domain. A person may hold several; each role is granted within a scope
 * (see {@link Grant}).
 */
public enum Role {
    /** Runs the installation: plug-ins, backups, accounts of municipal admins. Scope: system. */
    SYSTEM_ADMIN,
    /** Sees all schools of a municipality. Scope: municipality. */
    MUNICIPAL_ADMIN,
    /** Fills the school's data, sets up the year, issues accounts. Scope: school. */
    SCHOOL_COORDINATOR,
    /** Controls the journal, unlocks closed periods, school reports. Scope: school. */
    DEPUTY_DIRECTOR,
    /** Keeps the journal of the groups taught. Scope: school (reference data only) or class/group. */
    TEACHER,
    /** Leads one class. Scope: class. */
    CLASS_TEACHER,
    /** Reads own diary. Scope: student. */
    STUDENT,
    /** Reads the diary of a child. Scope: student (one grant per child). */
    PARENT
}
