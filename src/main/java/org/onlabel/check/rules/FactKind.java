package org.onlabel.check.rules;

import java.util.Locale;

/** What sort of fact was missing; decides which rule reports the resulting UNKNOWN. */
enum FactKind {
    REPRESENTATION, LICENSE, OTHER;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
