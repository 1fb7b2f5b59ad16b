package org.onlabel.publication;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onlabel.check.CheckRequest;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.Verdict;

@Schema(name = "ScreeningReport", description = "A permanent, immutable screening report a reviewer can cite")
public record ScreeningReport(
        @Schema(required = true, description = "Unguessable id (256 random bits)") String id,
        @Schema(required = true, description = "Where the report is read (needs the creator's organization, admin, or the share link)") String url,
        @Schema(required = true, examples = "2026.12.1") String rulesetVersion,
        @Schema(nullable = true) ScreeningRequest.Manuscript manuscript,
        @Schema(required = true, description = "The worst verdict of the uses") Verdict verdict,
        @Schema(required = true) List<UseResult> uses,
        @Schema(required = true) String createdBy,
        @Schema(required = true, description = "Organizations of the creator at the time; their members may read it") List<String> createdByOrganizations,
        @Schema(required = true, description = "RFC 3339, UTC") Instant createdAt,
        @Schema(nullable = true, description = "Capability link for a reviewer without an account: anyone holding it may "
                + "read the report. Returned once, on creation; the service keeps only its hash") String shareUrl) {

    @Schema(name = "ScreeningUseResult", description = "One use as screened: its datasets as they were, and the check's outcome")
    public record UseResult(
            @Schema(required = true) String task,
            @Schema(nullable = true) CheckRequest.Purpose purpose,
            @Schema(required = true) List<ScreenedDataset> datasets,
            @Schema(required = true) CheckOutcome outcome) {
    }

    @Schema(name = "ScreenedDataset", description = "A dataset as it was when screened")
    public record ScreenedDataset(
            @Schema(required = true, description = "Registered key, or inline:<name>", examples = "fastmri-knee-multicoil") String key,
            @Schema(required = true, examples = "train") String role,
            @Schema(required = true) boolean inline,
            @Schema(nullable = true, description = "Revision (ETag value) of a registered dataset at the time") Long revision,
            @Schema(nullable = true, description = "The dataset's own DOI, when recorded") String doi,
            @Schema(nullable = true, description = "The inline description, as screened") ScreeningRequest.InlineDataset description) {
    }
}
