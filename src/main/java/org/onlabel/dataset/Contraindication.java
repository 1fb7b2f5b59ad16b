package org.onlabel.dataset;

import org.onlabel.common.text.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A task the dataset must not be used for, and why")
public record Contraindication(
        @Schema(description = "Task id (vocabulary tasks)", examples = "mri-reconstruction", required = true)
        @NotBlank @SingleLine @Size(max = 200) String task,
        @Schema(nullable = true, description = "Why the dataset is unfit for the task", examples = "magnitude-only, resampled images")
        @Size(max = 2000) String reason) {
}
