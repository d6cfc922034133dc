package org.zhurnal.core.api.security;

/** Kinds of scope, from the widest to the narrowest. */
public enum ScopeType {
    SYSTEM, MUNICIPALITY, SCHOOL, CLASS, GROUP, STUDENT
}
