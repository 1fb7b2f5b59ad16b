package org.onlabel.vocabulary;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A named, ordered list of terms. Term ids compare without regard to case. */
public record Vocabulary(String name, String description, List<Term> terms) {
    public Vocabulary {
        terms = List.copyOf(terms);
    }

    /** The term with this id, or whose {@code curie} attribute is this value (DUO:0000046 finds NCU). */
    public Optional<Term> find(String idOrCurie) {
        if (idOrCurie == null) {
            return Optional.empty();
        }
        String wanted = idOrCurie.trim().toLowerCase(Locale.ROOT);
        return terms.stream()
                .filter(t -> t.id().toLowerCase(Locale.ROOT).equals(wanted)
                        || String.valueOf(t.attributes().get("curie")).toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    @JsonIgnore
    public List<String> ids() {
        return terms.stream().map(Term::id).toList();
    }
}
