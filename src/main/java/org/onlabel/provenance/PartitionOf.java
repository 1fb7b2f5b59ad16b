package org.onlabel.provenance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A derived dataset declared as one part of a partition of one of its parents: parts of the same scheme of the same
 * parent are disjoint at the level {@code disjointBy}. Immutable once registered, like the rest of provenance.
 */
@Schema(name = "PartitionOf", description = "This dataset is one part of a partition of a parent (e.g. the official "
        + "training split): parts of one scheme of one parent are disjoint at the declared level, so checks do not "
        + "flag them as leakage")
public record PartitionOf(
        @Schema(required = true, description = "Key of the parent partitioned; must be among derivedFrom",
                examples = "fastmri-knee-multicoil")
        @NotBlank @Pattern(regexp = TOKEN, message = "must be a dataset key") String dataset,
        @Schema(required = true, description = "Name of the partition scheme, shared by all its parts",
                examples = "fastmri-official", pattern = TOKEN)
        @NotBlank @Pattern(regexp = TOKEN, message = TOKEN_MESSAGE) String scheme,
        @Schema(required = true, description = "This part's name within the scheme", examples = "train", pattern = TOKEN)
        @NotBlank @Pattern(regexp = TOKEN, message = TOKEN_MESSAGE) String part,
        @Schema(required = true, description = "The level at which parts are disjoint", examples = "subject",
                enumeration = {"subject", "study", "image"})
        @NotNull @Pattern(regexp = "^(subject|study|image)$", message = "must be subject, study or image")
        String disjointBy) {
    static final String TOKEN = "^[a-z0-9][a-z0-9._-]{0,127}$";
    static final String TOKEN_MESSAGE = "must be a single-line token: lowercase letters, digits, '.', '_' or '-', "
            + "at most 128 characters";
}
