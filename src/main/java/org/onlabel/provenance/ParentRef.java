package org.onlabel.provenance;

import org.onlabel.common.text.SingleLine;
import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A parent of a derived dataset: its key and, optionally, the version that was used (recorded verbatim). */
@Schema(description = "A parent dataset; a plain string is read as {\"key\": string}")
public record ParentRef(
        @Schema(required = true, examples = "fastmri-knee-multicoil") @NotBlank @SingleLine @Size(max = 128) String key,
        @Schema(nullable = true, description = "Version of the parent that was used", examples = "2020-01")
        @SingleLine @Size(max = 100) String version) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ParentRef ofKey(String key) {
        return new ParentRef(key, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static ParentRef of(@com.fasterxml.jackson.annotation.JsonProperty("key") String key,
            @com.fasterxml.jackson.annotation.JsonProperty("version") String version) {
        return new ParentRef(key, version);
    }
}
