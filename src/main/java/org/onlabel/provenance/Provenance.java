package org.onlabel.provenance;

import java.util.List;

/** A dataset's own provenance: its direct parents and the steps that made it from them. */
public record Provenance(List<ParentRef> derivedFrom, List<PreprocessingStep> preprocessing) {
    public static final Provenance NONE = new Provenance(List.of(), List.of());

    public Provenance {
        derivedFrom = derivedFrom == null ? List.of() : List.copyOf(derivedFrom);
        preprocessing = preprocessing == null ? List.of() : List.copyOf(preprocessing);
    }

    public boolean isEmpty() {
        return derivedFrom.isEmpty() && preprocessing.isEmpty();
    }
}
