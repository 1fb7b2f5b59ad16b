package org.onlabel.publication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onlabel.check.CheckRequest;
import org.onlabel.common.text.SingleLine;
import org.onlabel.dataset.Contraindication;
import org.onlabel.dataset.DataUseCondition;
import org.onlabel.dataset.IntendedUse;
import org.onlabel.dataset.Representation;
import org.onlabel.provenance.PreprocessingStep;

@Schema(name = "ScreeningRequest", description = "The data uses a manuscript reports, to be screened into a permanent report")
public record ScreeningRequest(
        @Valid Manuscript manuscript,
        @Schema(required = true) @NotEmpty @Size(max = 20) List<@Valid Use> uses) {

    @Schema(name = "Manuscript", description = "The manuscript screened: its DOI and/or the journal's submission id")
    public record Manuscript(
            @Schema(nullable = true, examples = "10.1148/ryai.2026000001") @SingleLine @Size(max = 300) String doi,
            @Schema(nullable = true, examples = "RYAI-26-0042") @SingleLine @Size(max = 200) String submissionId) {
    }

    @Schema(name = "ScreeningUse", description = "One task the manuscript reports, with its datasets and purpose")
    public record Use(
            @Schema(required = true, examples = "mri-reconstruction") @NotBlank @SingleLine @Size(max = 200) String task,
            @Valid CheckRequest.Purpose purpose,
            @Schema(required = true) @NotEmpty @Size(max = 50) List<@Valid ScreenedDataset> datasets) {
    }

    @Schema(name = "ScreenedDatasetRequest", description = "A dataset of the use: registered (by key or DOI) or described inline")
    public record ScreenedDataset(
            @Schema(examples = "fastmri-knee-multicoil") @SingleLine @Size(max = 128) String key,
            @Schema(examples = "10.1148/ryai.2020190007") @SingleLine @Size(max = 300) String doi,
            @Valid InlineDataset inline,
            @Schema(description = "train, test, validation or any (default any)", examples = "test",
                    enumeration = {"train", "test", "validation", "any"}) @SingleLine @Size(max = 20) String role) {
    }

    @Schema(name = "InlineDataset", description = "A dataset that is not registered (e.g. a private in-house derivative), "
            + "judged like a registered one with the same facts; it is kept only inside the report")
    public record InlineDataset(
            @Schema(description = "Name used in the findings as inline:<name> (default dataset-<n>)", examples = "inhouse-test-set")
            @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$", message = "must be a lowercase slug of at most 64 characters") String name,
            @Schema(required = true, examples = "In-house knee test set (emulated single-coil)") @NotBlank @SingleLine @Size(max = 500) String title,
            @Valid Representation representation,
            @Size(max = 20) List<@NotBlank @SingleLine @Size(max = 100) String> modalities,
            @Schema(description = "SPDX license expression or LicenseRef-…", examples = "CC-BY-4.0") @SingleLine @Size(max = 500) String license,
            @Size(max = 30) List<@Valid DataUseCondition> dataUse,
            @Size(max = 50) List<@Valid IntendedUse> intendedUses,
            @Size(max = 50) List<@Valid Contraindication> contraindications,
            @Schema(description = "Keys of registered parents") @Size(max = 20) List<@NotBlank @SingleLine @Size(max = 128) String> derivedFrom,
            @Schema(description = "The steps that made it from its parents") @Size(max = 100) List<@Valid PreprocessingStep> preprocessing) {
    }
}
