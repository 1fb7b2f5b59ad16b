package org.onlabel.provenance;

import java.util.List;

/**
 * A dataset's own provenance: its direct parents, the steps that made it from them and, optionally, the partition of
 * a parent it is a part of.
 */
public record Provenance(List<ParentRef> derivedFrom, List<PreprocessingStep> preprocessing, PartitionOf partitionOf) {
    public static final Provenance NONE = new Provenance(List.of(), List.of());

    public Provenance {
        derivedFrom = derivedFrom == null ? List.of() : List.copyOf(derivedFrom);
        preprocessing = preprocessing == null ? List.of() : List.copyOf(preprocessing);
    }

    public Provenance(List<ParentRef> derivedFrom, List<PreprocessingStep> preprocessing) {
        this(derivedFrom, preprocessing, null);
    }

    public boolean isEmpty() {
        return derivedFrom.isEmpty() && preprocessing.isEmpty() && partitionOf == null;
    }
}
