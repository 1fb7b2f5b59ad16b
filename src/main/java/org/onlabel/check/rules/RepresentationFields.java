package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;

/** The representation fields a finding of a missing representation names, read back from its message. */
public final class RepresentationFields {
    private RepresentationFields() {
    }

    /**
     * The ids (domain, complex, …) of the representation fields whose "not recorded" phrase the message carries, in
     * declaration order. The engine writes each missing field as its phrase followed by the rules that needed it.
     */
    public static List<String> namedIn(String message) {
        List<String> named = new ArrayList<>();
        if (message == null) {
            return named;
        }
        for (RepresentationField field : RepresentationField.values()) {
            if (message.contains(field.missingPhrase + " (needed by ")) {
                named.add(field.id);
            }
        }
        return named;
    }

    /** The phrase a finding uses for a missing field, for tests and for building messages. */
    public static String phraseOf(String id) {
        RepresentationField field = RepresentationField.fromId(id);
        if (field == null) {
            throw new IllegalArgumentException("no representation field '" + id + "'");
        }
        return field.missingPhrase;
    }
}
