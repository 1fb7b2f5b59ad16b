package org.onlabel.dataset;

import org.onlabel.common.text.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A retraction or deprecation: why, and (for a deprecation) what replaces the dataset. */
@Schema(name = "StatusChange")
public record StatusChange(
        @Schema(required = true, examples = "Labels found to leak test patients") @NotBlank @Size(max = 5000) String reason,
        @Schema(nullable = true, description = "Key of the replacing dataset (deprecation only)", examples = "brats-2023")
        @SingleLine @Size(max = 128) String supersededBy) {
}
