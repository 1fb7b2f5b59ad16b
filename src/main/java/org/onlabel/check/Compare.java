package org.onlabel.check;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onlabel.check.rules.Finding;
import org.onlabel.check.rules.Verdict;

/** "Which of these may I train on?": one task, one purpose, several candidates, each checked alone. */
public final class Compare {
    private Compare() {
    }

    @Schema(name = "CompareRequest", description = "One task and purpose, and the candidate datasets to compare")
    public record Request(
            @Schema(required = true, description = "Task id (vocabulary tasks)", examples = "segmentation")
            @NotBlank @Size(max = 200) String task,
            @Valid CheckRequest.Purpose purpose,
            @Schema(required = true, description = "Dataset keys, 2 to 50, no duplicates")
            @NotNull @Size(min = 2, max = 50) List<@NotBlank @Size(max = 128) String> candidates,
            @Schema(description = "The role every candidate is checked in: train, test, validation or any (default train)",
                    examples = "train", enumeration = {"train", "test", "validation", "any"}) String role) {
    }

    @Schema(name = "CompareCandidate")
    public record Candidate(@Schema(required = true) String key, String title) {
    }

    @Schema(name = "CompareRow", description = "A candidate's verdict with the findings that decide it (no info findings)")
    public record Row(@Schema(required = true) Candidate dataset, @Schema(required = true) Verdict verdict,
            @Schema(required = true) List<Finding> findings) {
    }

    @Schema(name = "CompareResponse", description = "Rows best first: ON_LABEL, CAUTION, UNKNOWN, OFF_LABEL, then by key")
    public record Response(@Schema(required = true) String task, @Schema(required = true) List<Row> rows) {
    }
}
