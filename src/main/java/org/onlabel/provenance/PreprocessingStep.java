package org.onlabel.provenance;

import org.onlabel.common.text.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One step that turned the parents into the dataset. {@code step} is an id of the preprocessing-steps vocabulary;
 * an id outside it is kept verbatim (and reported by checks as unknown), never dropped.
 */
@Schema(description = "One preprocessing step, in the order applied")
public record PreprocessingStep(
        @Schema(required = true, description = "Step id (vocabulary preprocessing-steps; others are kept verbatim)",
                examples = "kspace-zero-padding")
        @NotBlank @SingleLine @Size(max = 200) @Pattern(regexp = "^\\S.*$", message = "must not start with a space") String step,
        @Schema(description = "Step parameters", examples = "{\"factor\": 2}") Map<String, Object> parameters,
        @Schema(nullable = true) @Valid Software software,
        @Schema(nullable = true) @Size(max = 5000) String description,
        @Schema(nullable = true, description = "Run that applied the step (e.g. an OpenLineage runId)") @SingleLine @Size(max = 200) String runId) {

    public PreprocessingStep {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
