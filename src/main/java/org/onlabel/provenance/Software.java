package org.onlabel.provenance;

import org.onlabel.common.text.SingleLine;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The software that applied a step")
public record Software(
        @Schema(nullable = true, examples = "HD-BET") @SingleLine @Size(max = 200) String name,
        @Schema(nullable = true, examples = "1.0") @SingleLine @Size(max = 100) String version,
        @Schema(nullable = true, examples = "https://github.com/MIC-DKFZ/HD-BET") @SingleLine @Size(max = 2000) String codeUrl,
        @Schema(nullable = true, description = "Container image reference", examples = "docker.io/example/hdbet:1.0") @SingleLine @Size(max = 2000) String container) {
}
