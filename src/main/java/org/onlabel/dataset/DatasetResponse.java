package org.onlabel.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.onlabel.provenance.ParentRef;
import org.onlabel.provenance.PartitionOf;
import org.onlabel.provenance.PreprocessingStep;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Dataset", description = "A dataset of the catalog; null fields are unknown")
public record DatasetResponse(
        @Schema(required = true, examples = "brats-2021") String key,
        @Schema(required = true) String title,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) String version,
        @Schema(nullable = true) String publisher,
        @Schema(nullable = true, description = "Bare DOI") String doi,
        @Schema(nullable = true) String homepage,
        @Schema(required = true, description = "DICOM modality codes") List<String> modalities,
        @Schema(required = true) List<String> anatomy,
        @Schema(required = true) List<String> formats,
        @Schema(nullable = true) Integer subjects,
        @Schema(nullable = true) Cohort cohort,
        @Schema(nullable = true) Representation representation,
        @Schema(required = true, description = "DICOM CID 7050 codes") List<String> deidentification,
        @Schema(nullable = true, description = "SPDX license expression or LicenseRef-…") String license,
        @Schema(required = true) List<DataUseCondition> dataUse,
        @Schema(required = true) List<IntendedUse> intendedUses,
        @Schema(required = true) List<Contraindication> contraindications,
        @Schema(required = true, examples = "active", enumeration = {"active", "deprecated", "retracted"}) String status,
        @Schema(nullable = true, examples = "nyu") String organization,
        @Schema(required = true, examples = "public", enumeration = {"public", "embargoed"}) String visibility,
        @Schema(nullable = true, description = "User or service account that registered the dataset (set by the server)",
                examples = "alice") String createdBy,
        @Schema(required = true, description = "RFC 3339, UTC") Instant createdAt,
        @Schema(required = true, description = "RFC 3339, UTC") Instant updatedAt,
        @Schema(required = true, description = "Direct parents") List<ParentRef> derivedFrom,
        @Schema(required = true, description = "The steps that made this dataset from its parents") List<PreprocessingStep> preprocessing,
        @Schema(required = true, description = "false for a dataset seen only by name (an OpenLineage input or a BIDS source)")
        boolean registered,
        @Schema(nullable = true, description = "OpenLineage identity, for datasets known through lineage events") LineageIdentity openLineage,
        @Schema(nullable = true, description = "Facts without a field of their own, e.g. kept from an import") Map<String, Object> extras,
        @Schema(nullable = true, description = "Why the dataset was retracted or deprecated") String statusReason,
        @Schema(nullable = true, description = "Key of the dataset that replaces a deprecated one") String supersededBy,
        @Schema(required = true, description = "Conflicts between this dataset's license and a parent's: the dataset is "
                + "registered all the same (the registry records the world as it is), and each conflict is a standing "
                + "violation for every use") List<LicenseConflictView> licenseConflicts,
        @Schema(required = true, description = "Questions for the publisher: derivation license rules that the recorded "
                + "terms of a parent cannot decide (e.g. a data use agreement whose attributes are not recorded). They "
                + "concern how this dataset was made and never change a user's verdict") List<LicenseConflictView> publisherQuestions,
        @Schema(nullable = true, description = "The partition of a parent this dataset is a part of") PartitionOf partitionOf,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in lists filtered by fitFor or task: the dataset's own verdict for that task (fitFor's "
                + "when both are given), as its label gives it to you (role any, no purpose). In a task list, OFF_LABEL "
                + "says that a declared intended use is off-label for the dataset's own lineage. Absent when no verdict "
                + "is stored for the dataset", examples = "ON_LABEL",
                enumeration = {"ON_LABEL", "CAUTION", "OFF_LABEL", "UNKNOWN"}) String verdict,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in the answer to a create, an update or an import (absent on reads): why checks "
                + "of the declared intended uses will not pass, e.g. OFF_LABEL for its own lineage, an inherited "
                + "contraindication, or missing facts that make them UNKNOWN. Never an error: the write is done. "
                + "Empty when there is nothing to warn about") List<RegistrationWarning> warnings) {

    /** The same dataset carrying a list's verdict for the filtered task. */
    public DatasetResponse withVerdict(String listVerdict) {
        return copy(listVerdict, warnings);
    }

    /** The same dataset with the warnings of the write that produced it. */
    public DatasetResponse withWarnings(List<RegistrationWarning> found) {
        return copy(verdict, found == null ? null : List.copyOf(found));
    }

    /** The same dataset with the license findings on its derivation edges. */
    public DatasetResponse withLicenseFindings(List<LicenseConflictView> conflicts, List<LicenseConflictView> questions) {
        return new DatasetResponse(key, title, description, version, publisher, doi, homepage, modalities, anatomy,
                formats, subjects, cohort, representation, deidentification, license, dataUse, intendedUses,
                contraindications, status, organization, visibility, createdBy, createdAt, updatedAt, derivedFrom,
                preprocessing, registered, openLineage, extras, statusReason, supersededBy, List.copyOf(conflicts),
                List.copyOf(questions), partitionOf, verdict, warnings);
    }

    private DatasetResponse copy(String listVerdict, List<RegistrationWarning> found) {
        return new DatasetResponse(key, title, description, version, publisher, doi, homepage, modalities, anatomy,
                formats, subjects, cohort, representation, deidentification, license, dataUse, intendedUses,
                contraindications, status, organization, visibility, createdBy, createdAt, updatedAt, derivedFrom,
                preprocessing, registered, openLineage, extras, statusReason, supersededBy, licenseConflicts,
                publisherQuestions, partitionOf, listVerdict, found);
    }

    @Schema(name = "LicenseConflict")
    public record LicenseConflictView(@Schema(examples = "license.share-alike") String rule,
            @Schema(examples = "msd-brain-tumour") String parent, String message) {
    }

    @Schema(name = "LineageIdentity", description = "An OpenLineage dataset identity")
    public record LineageIdentity(@Schema(examples = "s3://lab-bucket") String namespace,
            @Schema(examples = "derived/knee-rss") String name) {
    }
}
