package org.onlabel.common.security;

import java.util.Set;

/** Whose eyes a list is for: admins see everything, others public datasets and their organizations' embargoed ones. */
public record Viewer(boolean seesEverything, Set<String> organizations) {
    public static Viewer of(Caller caller) {
        return new Viewer(caller.isAdmin(), caller.organizations());
    }

    /** The organizations for an SQL {@code IN} list, never empty (an empty list is not valid SQL). */
    public java.util.List<String> organizationsForSql() {
        return organizations.isEmpty() ? java.util.List.of(" none ") : java.util.List.copyOf(organizations);
    }
}
