package org.onlabel.provenance.manifest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Overlap", description = "Another dataset whose manifest (same level and salt) shares identifiers")
public record Overlap(
        @Schema(required = true, examples = "luna16") String dataset,
        @Schema(required = true) String title,
        @Schema(required = true, enumeration = {"subject", "study", "image"}) String level,
        @Schema(required = true, examples = "tcia-patient-id") String salt,
        @Schema(required = true, description = "Identifiers in both manifests") long shared,
        @Schema(required = true, description = "shared / this dataset's count") double fraction,
        @Schema(required = true, description = "shared / the other dataset's count") double otherFraction,
        @Schema(required = true, description = "Whether lineage links the two (one derives from the other or they share "
                + "an ancestor): false means an undeclared copy or overlap") boolean linkedByLineage) {

    @Schema(name = "Overlaps", description = "Every dataset you may see that shares identifiers with this one")
    public record Listing(@Schema(required = true) String dataset, @Schema(required = true) List<Overlap> items) {
    }
}
