package org.onlabel.vocabulary;

import java.util.List;

/**
 * One disease of the shipped MONDO subset. {@code synonyms} are MONDO's; {@code aliases} are names imaging datasets
 * use that OnLabel added; {@code parents} are is-a parents, of which {@code curatedParents} were added by OnLabel where
 * the MONDO files it was built from give none (each names a MONDO ancestor, not necessarily the direct parent).
 */
public record DiseaseTerm(String id, String label, List<String> synonyms, List<String> aliases, List<String> parents,
        List<String> curatedParents) {
    public DiseaseTerm {
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        parents = parents == null ? List.of() : List.copyOf(parents);
        curatedParents = curatedParents == null ? List.of() : List.copyOf(curatedParents);
    }

    /** "glioblastoma (MONDO:0018177)": how messages name a disease. */
    public String display() {
        return label + " (" + id + ")";
    }
}
