package org.onlabel.publication;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Publication", description = "A paper with its links to the datasets the caller may see")
public record PublicationResponse(
        @Schema(required = true, description = "Normalised DOI (lower case, no resolver prefix)", examples = "10.1148/ryai.2020190007") String doi,
        @Schema(required = true, examples = "https://doi.org/10.1148/ryai.2020190007") String url,
        @Schema(required = true) String title,
        @Schema(nullable = true) String journal,
        @Schema(nullable = true) Integer year,
        @Schema(required = true, enumeration = {"data-resource", "article", "preprint", "challenge"}) String type,
        @Schema(required = true) List<String> authors,
        @Schema(required = true, description = "Links to datasets the caller may see; embargoed ones of other organizations are left out")
        List<PublicationRequest.Link> datasets,
        @Schema(required = true) String createdBy,
        @Schema(required = true, description = "RFC 3339, UTC") Instant createdAt,
        @Schema(required = true, description = "RFC 3339, UTC") Instant updatedAt) {
}
