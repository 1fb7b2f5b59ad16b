package org.onlabel.check;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onlabel.check.rules.Finding;
import org.onlabel.check.rules.Verdict;
import org.onlabel.dataset.IntendedUse;

@Schema(name = "Label", description = "A dataset's effective label: what it is for, what it must not be used for "
        + "(its own and its ancestors' contraindications), standing violations, and a verdict for every task")
public record Label(
        @Schema(required = true, examples = "brats-2021") String dataset,
        @Schema(required = true) String rulesetVersion,
        @Schema(required = true, description = "The dataset's own intended uses (not inherited)") List<IntendedUse> intendedUses,
        @Schema(required = true, description = "Contraindications of the dataset and every ancestor") List<InheritedContraindication> contraindications,
        @Schema(required = true, description = "Violations that hold for every use: license conflicts, retracted ancestors") List<Finding> standingViolations,
        @Schema(required = true, description = "Questions for the publishers of this dataset and its ancestors: derivation "
                + "rules (standing rules) that recorded facts cannot decide, e.g. a parent's license terms. They are "
                + "about how the data were made and never change a verdict") List<Finding> publisherQuestions,
        @Schema(required = true, description = "A verdict for every task of the vocabulary (purpose unstated)") List<TaskVerdict> verdicts) {

    @Schema(name = "InheritedContraindication")
    public record InheritedContraindication(String task, String reason,
            @Schema(description = "The dataset that declared it") String origin,
            @Schema(description = "Keys from this dataset to the origin") List<String> path) {
    }

    @Schema(name = "TaskVerdict", description = "The verdict for one task with the findings that decide it. It equals "
            + "POST /checks with this task, this dataset alone in role any and no purpose; findings are those of "
            + "that check without the info ones (which never change a verdict)")
    public record TaskVerdict(String task, Verdict verdict,
            @Schema(required = true, description = "Violation, unknown and caution findings, in the order and shape "
                    + "of a check's findings") List<Finding> findings) {
    }
}
