package org.onlabel.provenance;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One step of the effective history")
public record HistoryEntry(
        @Schema(required = true, description = "The dataset whose making applied the step", examples = "brats-2021") String dataset,
        @Schema(required = true, description = "Position in that dataset's own steps, from 0") int index,
        @Schema(required = true, examples = "skull-stripping") String step,
        @Schema(required = true) Map<String, Object> parameters,
        @Schema(nullable = true) Software software,
        @Schema(nullable = true) String description,
        @Schema(required = true, description = "Keys from the queried dataset to the dataset that applied the step")
        List<String> path) {
}
