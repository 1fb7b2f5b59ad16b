package org.onlabel.common.security;

/** The realm roles of DESIGN.md, as they appear in the token's {@code realm_access.roles}. */
public final class Role {
    public static final String READER = "reader";
    public static final String CURATOR = "curator";
    public static final String PIPELINE = "pipeline";
    public static final String JOURNAL = "journal";
    public static final String ADMIN = "admin";

    private Role() {
    }
}
