package org.onlabel.provenance;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "History", description = "Every step along every ancestor path, from the sources to the dataset")
public record History(
        @Schema(required = true, examples = "brats-2021") String dataset,
        @Schema(required = true) List<HistoryEntry> steps,
        @Schema(required = true, description = "Ancestors that are not registered: their own history is unknown")
        List<String> unregisteredAncestors,
        @Schema(required = true, description = "true when the ancestry goes beyond the configured depth or node limit: "
                + "steps of the ancestors beyond it are not listed") boolean truncated) {
}
