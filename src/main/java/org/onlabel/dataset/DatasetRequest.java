package org.onlabel.dataset;

import org.onlabel.common.text.SingleLine;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.onlabel.provenance.ParentRef;
import org.onlabel.provenance.PartitionOf;
import org.onlabel.provenance.PreprocessingStep;
import org.onlabel.provenance.Provenance;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The writable fields of a dataset, for creation and full replacement. The server-owned fields of a response
 * ({@code createdBy}, {@code createdAt}, {@code updatedAt}, {@code registered}, {@code openLineage}, a write's {@code warnings}, a list's {@code verdict}, ...) are accepted and ignored so that a client can send back
 * what it read; {@code organization} is checked against the caller's token (see AccessPolicy), never trusted.
 */
@JsonIgnoreProperties(value = {"createdBy", "createdAt", "updatedAt", "registered", "openLineage", "statusReason", "supersededBy", "licenseConflicts", "publisherQuestions", "warnings", "verdict"}, allowGetters = false)
@Schema(name = "DatasetRequest", description = "A dataset to create, or the full new state of one to update")
public record DatasetRequest(
        @Schema(description = "Slug, unique and immutable; required on create, optional on update (must match the path)",
                examples = "brats-2021", pattern = DatasetKey.PATTERN)
        @Pattern(regexp = DatasetKey.PATTERN, message = "must be a slug: lowercase letters, digits, '.', '_' or '-', 2 to 128 characters, starting with a letter or digit")
        String key,
        @Schema(description = "Human title", examples = "RSNA-ASNR-MICCAI Brain Tumor Segmentation Challenge 2021", required = true)
        @NotBlank @SingleLine @Size(max = 500) String title,
        @Size(max = 20000) String description,
        @Schema(examples = "2021") @SingleLine @Size(max = 100) String version,
        @Schema(examples = "RSNA, ASNR and MICCAI") @SingleLine @Size(max = 500) String publisher,
        @Schema(description = "Bare DOI (a doi: or https://doi.org/ prefix is removed)", examples = "10.1148/ryai.2020190007")
        @SingleLine @Size(max = 300) String doi,
        @Schema(examples = "https://fastmri.med.nyu.edu/")
        @SingleLine @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http or https URL") String homepage,
        @Schema(description = "DICOM modality codes (vocabulary modalities)", examples = "[\"MR\"]")
        @Size(max = 20) List<@NotBlank @SingleLine @Size(max = 100) String> modalities,
        @Schema(description = "Body parts, lower case", examples = "[\"brain\"]")
        @Size(max = 50) List<@NotBlank @SingleLine @Size(max = 100) String> anatomy,
        @Schema(description = "File formats", examples = "[\"NIfTI\"]")
        @Size(max = 50) List<@NotBlank @SingleLine @Size(max = 100) String> formats,
        @Schema(description = "Number of subjects", examples = "2040")
        @PositiveOrZero Integer subjects,
        @Valid Cohort cohort,
        @Valid Representation representation,
        @Schema(description = "DICOM de-identification method codes, PS3.16 CID 7050 (vocabulary deidentification-methods)",
                examples = "[\"113100\"]")
        @Size(max = 20) List<@NotBlank @SingleLine @Size(max = 100) String> deidentification,
        @Schema(description = "SPDX license expression or LicenseRef-…", examples = "CC-BY-4.0")
        @Size(max = 500) @Pattern(regexp = "^[A-Za-z0-9.+:()\\- ]+$", message = "must be an SPDX license expression")
        String license,
        @Schema(description = "GA4GH DUO data-use conditions")
        @Size(max = 30) List<@Valid DataUseCondition> dataUse,
        @Size(max = 50) List<@Valid IntendedUse> intendedUses,
        @Size(max = 50) List<@Valid Contraindication> contraindications,
        @Schema(description = "active, deprecated or retracted (default active)", examples = "active",
                enumeration = {"active", "deprecated", "retracted"})
        @SingleLine @Size(max = 100) String status,
        @Schema(description = "Owning organization (slug)", examples = "nyu")
        @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$", message = "must be a lowercase slug of at most 64 characters")
        String organization,
        @Schema(description = "public or embargoed (default public)", examples = "public",
                enumeration = {"public", "embargoed"})
        @SingleLine @Size(max = 100) String visibility,
        @Schema(description = "Parent datasets this one was derived from (immutable once registered)")
        @Size(max = 100) List<@Valid ParentRef> derivedFrom,
        @Schema(description = "The ordered steps that turned the parents into this dataset (immutable once registered)")
        @Size(max = 500) List<@Valid PreprocessingStep> preprocessing,
        @Schema(description = "Facts without a field of their own, e.g. kept from an import")
        Map<String, Object> extras,
        @Schema(description = "The partition of a parent this dataset is a part of, e.g. an official split "
                + "(immutable once registered)")
        @Valid PartitionOf partitionOf) {

    /** A request that declares no partition. */
    public DatasetRequest(String key, String title, String description, String version, String publisher, String doi,
            String homepage, List<String> modalities, List<String> anatomy, List<String> formats, Integer subjects,
            Cohort cohort, Representation representation, List<String> deidentification, String license,
            List<DataUseCondition> dataUse, List<IntendedUse> intendedUses, List<Contraindication> contraindications,
            String status, String organization, String visibility, List<ParentRef> derivedFrom,
            List<PreprocessingStep> preprocessing, Map<String, Object> extras) {
        this(key, title, description, version, publisher, doi, homepage, modalities, anatomy, formats, subjects, cohort,
                representation, deidentification, license, dataUse, intendedUses, contraindications, status,
                organization, visibility, derivedFrom, preprocessing, extras, null);
    }

    /** The provenance this request declares; absent lists mean "none" on create and "unchanged" on update. */
    public Provenance provenance() {
        return new Provenance(derivedFrom, preprocessing, partitionOf);
    }
}
