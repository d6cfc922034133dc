package org.zhurnal.core.api;

/** Names shared across bundles. */
public final class ZhurnalConstants {
    private ZhurnalConstants() {}

    /** Prefix of every Zhurnal bundle's symbolic name; health and the web console list these. */
    public static final String BUNDLE_PREFIX = "org.zhurnal.";

    /** The school id used for records that belong to no school (system-wide settings, accounts of admins). */
    public static final String SYSTEM_SCOPE = "system";

    /** URN prefix of RFC 9457 problem types. */
    public static final String PROBLEM_TYPE_PREFIX = "urn:zhurnal:problem:";
}
