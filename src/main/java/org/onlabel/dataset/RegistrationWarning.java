package org.onlabel.dataset;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Something the writer of a dataset should know about what they just registered or changed. Never an error: the
 * write is done. Each warning has a machine-readable {@code code}; the other fields say where it applies.
 */
@Schema(name = "RegistrationWarning", description = "What the writer should know right after a write: why checks of "
        + "the dataset's declared intended uses will be OFF_LABEL or UNKNOWN, or that it declares none. Found over the "
        + "same facts as its label, as the writer sees them")
public record RegistrationWarning(
        @Schema(required = true, enumeration = {RegistrationWarning.OFF_LABEL_INTENDED_USE,
                RegistrationWarning.CONTRAINDICATED_INTENDED_USE, RegistrationWarning.MISSING_FACTS,
                RegistrationWarning.NO_INTENDED_USES}) String code,
        @Schema(nullable = true, description = "The declared intended use (task id) it concerns; null when it "
                + "concerns every task", examples = "mri-reconstruction") String task,
        @Schema(nullable = true, description = "The rule whose finding causes it", examples = "recon.synthetic-kspace") String rule,
        @Schema(nullable = true, description = "The field of this dataset to fill, when filling one would help",
                examples = "representation.domain") String field,
        @Schema(nullable = true, description = "The dataset the cause lies in: this one, or an ancestor (e.g. the "
                + "origin of an inherited contraindication)") String dataset,
        @Schema(required = true) String message) {

    public static final String OFF_LABEL_INTENDED_USE = "off-label-intended-use";
    public static final String CONTRAINDICATED_INTENDED_USE = "contraindicated-intended-use";
    public static final String MISSING_FACTS = "missing-facts";
    public static final String NO_INTENDED_USES = "no-intended-uses";
}
