package org.onlabel.web.view;

import java.util.List;
import org.onlabel.vocabulary.Vocabulary;

/** One choice of a select. */
public record Option(String value, String label, boolean selected) {
    public static List<Option> of(Vocabulary vocabulary, String selected) {
        return vocabulary.terms().stream()
                .map(t -> new Option(t.id(), t.label() == null || t.label().equals(t.id()) ? t.id() : t.label() + " (" + t.id() + ")",
                        t.id().equals(selected)))
                .toList();
    }
}
