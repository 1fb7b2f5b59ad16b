package org.onlabel.interop.openlineage;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onlabel.dataset.RegistrationWarning;

@Schema(name = "LineageIngestResult", description = "What OnLabel did with an OpenLineage event")
public record IngestResult(
        @Schema(required = true, examples = "COMPLETE") String eventType,
        @Schema(required = true) String runId,
        @Schema(required = true, description = "true when this exact event had been received before") boolean replayed,
        @Schema(required = true, description = "Output datasets registered by this event") List<String> registered,
        @Schema(required = true, description = "Outputs that were already registered with the same provenance") List<String> matched,
        @Schema(required = true, description = "Inputs seen only by name, kept as unregistered stubs") List<String> stubs,
        @Schema(required = true, description = "Keys of the inputs, as resolved") List<String> inputs,
        @Schema(required = true, description = "Things not done, and why (e.g. immutable provenance)") List<String> warnings,
        @Schema(required = true, description = "For each output this event registered (in the order of registered), "
                + "the warnings of its registration, as POST /api/v1/datasets answers them: OpenLineage declares no "
                + "intended use, so each has at least no-intended-uses, then the missing facts (e.g. license) that "
                + "keep every check of it from ON_LABEL") List<OutputWarnings> registrationWarnings) {

    @Schema(name = "LineageOutputWarnings", description = "The registration warnings of one output dataset")
    public record OutputWarnings(@Schema(required = true) String dataset,
            @Schema(required = true) List<RegistrationWarning> warnings) {
    }
}
