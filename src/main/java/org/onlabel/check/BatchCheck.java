package org.onlabel.check;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onlabel.check.rules.CheckOutcome;

/** Several checks in one call, e.g. every dataset a manuscript declares with the task it claims. */
public final class BatchCheck {
    private BatchCheck() {
    }

    @Schema(name = "BatchCheckRequest")
    public record Request(@Schema(required = true) @NotEmpty @Size(max = 100) List<@Valid CheckRequest> checks) {
    }

    @Schema(name = "BatchCheckResponse", description = "The results in the order of the checks")
    public record Response(@Schema(required = true) List<CheckOutcome> results) {
    }
}
