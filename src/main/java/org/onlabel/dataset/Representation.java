package org.onlabel.dataset;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the data physically is. A null field is unknown, which rules report as such rather than guess. */
@Schema(description = "What the data physically is; null fields are unknown")
public record Representation(
        @Schema(description = "kspace or image (vocabulary representation-domains)", examples = "kspace", nullable = true)
        String domain,
        @Schema(description = "Complex-valued (phase kept) rather than magnitude-only", nullable = true)
        Boolean complex,
        @Schema(description = "multi, single or combined (vocabulary coil-configurations)", examples = "multi", nullable = true)
        String coils,
        @Schema(description = "none, lossless or lossy (vocabulary compression-kinds)", examples = "none", nullable = true)
        String compression,
        @Schema(description = "Bits per sample", examples = "16", nullable = true)
        @Min(1) @Max(128) Integer bitDepth) {
}
