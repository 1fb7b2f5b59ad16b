package org.onlabel.provenance;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A derivation: 'from' was used to make 'to' by the steps listed (the steps of 'to')")
public record LineageEdge(
        @Schema(required = true, examples = "tcga-gbm") String from,
        @Schema(required = true, examples = "brats-2021") String to,
        @Schema(required = true) List<PreprocessingStep> steps) {
}
