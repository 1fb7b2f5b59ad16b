package org.onlabel.provenance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A dataset in a lineage graph")
public record LineageNode(
        @Schema(required = true, examples = "brats-2021") String key,
        @Schema(required = true) String title,
        @Schema(required = true, description = "Derivation steps between the root and this dataset (0 for the root)") int depth,
        @Schema(required = true, description = "false for a dataset seen only by name (e.g. an OpenLineage input)") boolean registered,
        @Schema(required = true, examples = "active", enumeration = {"active", "deprecated", "retracted", "removed"},
                description = "removed: an admin removed the dataset; only its key and place in the lineage remain")
                String status) {
}
