package org.onlabel.provenance.manifest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ManifestSummary", description = "A registered manifest without its identifiers")
public record ManifestSummary(
        @Schema(required = true, examples = "lidc-idri") String dataset,
        @Schema(required = true, enumeration = {"subject", "study", "image"}) String level,
        @Schema(required = true, description = "Id of the salt the hashes were made with", examples = "tcia-patient-id") String salt,
        @Schema(required = true, description = "Distinct identifiers stored") long count,
        @Schema(required = true, description = "RFC 3339, UTC") Instant registeredAt,
        @Schema(required = true) String registeredBy) {

    static ManifestSummary of(String dataset, ManifestRepository.Stored m) {
        return new ManifestSummary(dataset, m.level(), m.salt(), m.count(), m.registeredAt(), m.registeredBy());
    }
}
