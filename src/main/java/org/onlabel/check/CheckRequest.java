package org.onlabel.check;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CheckRequest", description = "A proposed use of one or more datasets for a task")
public record CheckRequest(
        @Schema(required = true, description = "Task id (vocabulary tasks)", examples = "mri-reconstruction")
        @NotBlank String task,
        @Schema(required = true) @NotEmpty @Size(max = 50) List<@Valid DatasetUse> datasets,
        @Valid Purpose purpose) {

    @Schema(name = "DatasetUse", description = "A dataset of the check, by key or DOI, with its role")
    public record DatasetUse(
            @Schema(examples = "brats-2021") @Size(max = 128) String key,
            @Schema(description = "Used when no key is given", examples = "10.1148/ryai.2020190007") @Size(max = 300) String doi,
            @Schema(description = "train, test, validation or any (default any)", examples = "train",
                    enumeration = {"train", "test", "validation", "any"}) String role) {
    }

    @Schema(name = "Purpose", description = "Why the data will be used")
    public record Purpose(
            @Schema(description = "Commercial use (default false)") Boolean commercial,
            @Schema(description = "Developing or benchmarking methods/algorithms; when absent, true if any dataset is in "
                    + "a train, test or validation role") Boolean methodsDevelopment,
            @Schema(description = "Disease the use is about (for DUO DS conditions): a MONDO id, label, synonym or alias "
                    + "of vocabulary diseases; DS allows the disease and every subclass of it", examples = "glioblastoma")
            @Size(max = 200) String disease,
            @Schema(description = "You will publish data made from these datasets (processed images, labels, a derived "
                    + "dataset), not only results; then share-alike and no-derivatives terms bind you (default false)")
            Boolean publishesDerivedData) {
    }
}
