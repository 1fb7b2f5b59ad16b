package org.onlabel.publication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.onlabel.common.text.SingleLine;

@Schema(name = "PublicationRequest", description = "A paper and the datasets it describes or uses (the DOI is the path)")
public record PublicationRequest(
        @Schema(description = "Optional; when given it must name the same DOI as the path (any accepted spelling)")
        @SingleLine @Size(max = 300) String doi,
        @Schema(required = true, examples = "fastMRI: A Publicly Available Raw k-Space and DICOM Dataset of Knee Images for Accelerated MR Image Reconstruction Using Machine Learning")
        @NotBlank @SingleLine @Size(max = 1000) String title,
        @Schema(examples = "Radiology: Artificial Intelligence") @SingleLine @Size(max = 500) String journal,
        @Schema(examples = "2020") @Min(1600) @Max(2200) Integer year,
        @Schema(required = true, enumeration = {"data-resource", "article", "preprint", "challenge"},
                examples = "data-resource") @NotBlank @SingleLine @Size(max = 50) String type,
        @Schema(examples = "[\"Knoll F\", \"Zbontar J\"]") @Size(max = 500) List<@NotBlank @SingleLine @Size(max = 300) String> authors,
        @Schema(description = "Typed links to datasets: the dataset <relation> this publication (References: this "
                + "publication references the dataset)")
        @Size(max = 200) List<@Valid Link> datasets) {

    @Schema(name = "PublicationLink", description = "A link to a dataset with its DataCite relation type")
    public record Link(
            @Schema(required = true, examples = "fastmri-knee-multicoil") @NotBlank @SingleLine @Size(max = 128) String key,
            @Schema(required = true, enumeration = {"IsDescribedBy", "IsCitedBy", "References", "IsSupplementTo", "IsReferencedBy"},
                    examples = "IsDescribedBy") @NotBlank @SingleLine @Size(max = 50) String relation) {
    }
}
