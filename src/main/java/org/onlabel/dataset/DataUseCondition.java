package org.onlabel.dataset;

import org.onlabel.common.text.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A GA4GH Data Use Ontology condition")
public record DataUseCondition(
        @Schema(description = "DUO abbreviation or CURIE (vocabulary duo-codes); stored as the abbreviation",
                examples = "NCU", required = true)
        @NotBlank @SingleLine @Size(max = 100) String code,
        @Schema(description = "Disease, for DS (disease-specific research): a MONDO id, label, synonym or alias of "
                + "vocabulary diseases; stored as the MONDO id", nullable = true, examples = "MONDO:0018177")
        @SingleLine @Size(max = 200) String disease) {
}
