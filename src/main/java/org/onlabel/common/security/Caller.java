package org.onlabel.common.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: a user or service account from a verified token, or anonymous. The organizations come from the
 * token's {@code org} claim (Keycloak group membership), never from a request body.
 */
public record Caller(String name, Set<String> roles, Set<String> organizations, boolean anonymous) {
    public Caller {
        roles = Set.copyOf(roles);
        organizations = Set.copyOf(organizations);
    }

    public static Caller anonymousCaller() {
        return new Caller(null, Set.of(), Set.of(), true);
    }

    /** The service acting on its own behalf, e.g. loading the reference catalog. */
    public static Caller system(String name) {
        return new Caller(name, Set.of(Role.ADMIN), Set.of(), false);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean belongsTo(String organization) {
        return organization != null && organizations.contains(organization);
    }

    /** The caller's organization when it has exactly one. */
    public Optional<String> soleOrganization() {
        return organizations.size() == 1 ? Optional.of(organizations.iterator().next()) : Optional.empty();
    }
}
