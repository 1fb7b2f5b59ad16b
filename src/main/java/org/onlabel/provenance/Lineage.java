package org.onlabel.provenance;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Lineage", description = "The lineage graph around a dataset")
public record Lineage(
        @Schema(required = true, examples = "brats-2021") String root,
        @Schema(required = true, examples = "upstream", enumeration = {"upstream", "downstream", "both"}) String direction,
        @Schema(required = true) List<LineageNode> nodes,
        @Schema(required = true) List<LineageEdge> edges,
        @Schema(required = true, description = "true when the node limit cut the graph") boolean truncated) {
}
