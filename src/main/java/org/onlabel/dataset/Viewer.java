package org.onlabel.dataset;

import java.util.Set;
import org.onlabel.common.security.Caller;

/** Whose eyes a list is for: admins see everything, others public datasets and their organizations' embargoed ones. */
public record Viewer(boolean seesEverything, Set<String> organizations) {
    public static Viewer of(Caller caller) {
        return new Viewer(caller.isAdmin(), caller.organizations());
    }
}
