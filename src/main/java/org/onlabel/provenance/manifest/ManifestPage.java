package org.onlabel.provenance.manifest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ManifestPage", description = "A manifest and one page of its hashed identifiers, in hash order")
public record ManifestPage(
        @Schema(required = true) ManifestSummary manifest,
        @Schema(required = true, description = "Hex SHA-256 hashes of salt + identifier") List<String> items,
        @Schema(description = "Cursor for the next page (pass as ?cursor=); null on the last page", nullable = true)
        String next) {
}
