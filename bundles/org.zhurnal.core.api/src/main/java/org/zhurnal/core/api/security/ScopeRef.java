package org.zhurnal.core.api.security;

import java.util.Objects;

/**
 * A reference to one scope: {@code (SCHOOL, "3f…")}. The system scope has id {@code "system"}.
 *
 * @param type the kind of scope, never {@code null}
 * @param id the id of the municipality, school, class, group or student, never {@code null}
 */
public record ScopeRef(ScopeType type, String id) {
    public static final ScopeRef SYSTEM = new ScopeRef(ScopeType.SYSTEM, "system");

    public ScopeRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static ScopeRef municipality(String id) { return new ScopeRef(ScopeType.MUNICIPALITY, id); }

    public static ScopeRef school(String id) { return new ScopeRef(ScopeType.SCHOOL, id); }

    public static ScopeRef schoolClass(String id) { return new ScopeRef(ScopeType.CLASS, id); }

    public static ScopeRef group(String id) { return new ScopeRef(ScopeType.GROUP, id); }

    public static ScopeRef student(String id) { return new ScopeRef(ScopeType.STUDENT, id); }
}
