package org.onlabel.license;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a license attribute was read, when, and what the source says (or, for an unknown attribute, why). */
@Schema(name = "LicenseAttributeSource", description = "The source of one license attribute")
public record AttributeSource(
        @Schema(required = true, examples = "https://www.cancerimagingarchive.net/data-usage-policies-and-restrictions/")
        @NotBlank @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String url,
        @Schema(required = true, description = "The date the source was read", examples = "2026-12-01") @NotNull LocalDate asOf,
        @Schema(description = "What the source says about the attribute, or why the attribute is unknown")
        @Size(max = 2000) String statement) {
}
