package org.onlabel.dataset;

import org.onlabel.common.text.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A task the publisher made the dataset for")
public record IntendedUse(
        @Schema(description = "Task id (vocabulary tasks)", examples = "segmentation", required = true)
        @NotBlank @SingleLine @Size(max = 200) String task,
        @Schema(description = "Free-text note", nullable = true)
        @Size(max = 2000) String note) {
}
