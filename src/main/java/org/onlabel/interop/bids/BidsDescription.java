package org.onlabel.interop.bids;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contract's description of a BIDS {@code dataset_description.json} as the import reads it: the fields it maps,
 * and any others (kept under {@code extras.bids}).
 */
@Schema(name = "BidsDatasetDescription", description = "A BIDS dataset_description.json; fields not listed are kept "
        + "under extras.bids", additionalProperties = Schema.True.class)
public record BidsDescription(
        @Schema(required = true, description = "Becomes the title (at most 500 characters, one line)") String Name,
        @Schema(examples = "1.9.0") String BIDSVersion,
        @Schema(examples = "derivative") String DatasetType,
        @Schema(description = "An SPDX expression or a common spelling (CC0); other text is kept in extras") String License,
        @Schema(description = "Becomes the doi when it is one") String DatasetDOI,
        List<String> Authors,
        @Schema(description = "Pipelines that made the dataset; each becomes a preprocessing step")
        List<Map<String, Object>> GeneratedBy,
        @Schema(description = "Sources, matched by DOI or URL, else recorded as unregistered stubs")
        List<Map<String, Object>> SourceDatasets) {
}
