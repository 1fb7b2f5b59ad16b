package org.onlabel.license;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A license and its attributes as the API shows them. Null attributes are unknown. */
@Schema(name = "License", description = "A license (SPDX id or LicenseRef-…) and its attributes; null = unknown")
public record LicenseRecord(
        @Schema(required = true, examples = "CC-BY-NC-4.0") String id,
        @Schema(required = true, examples = "Creative Commons Attribution Non Commercial 4.0 International") String name,
        @Schema(nullable = true, description = "Commercial use allowed") Boolean commercialUse,
        @Schema(nullable = true, description = "Derivatives allowed") Boolean derivatives,
        @Schema(nullable = true, description = "Derivatives must carry the same license") Boolean shareAlike,
        @Schema(nullable = true, description = "Attribution required") Boolean attribution,
        @Schema(nullable = true) String note,
        @Schema(description = "Per attribute (commercialUse, derivatives, shareAlike, attribution): its source URL, "
                + "the date it was read, and what the source says or why the attribute is unknown")
        Map<String, AttributeSource> sources,
        @Schema(required = true) Instant updatedAt) {

    /** The attribute names {@code sources} may describe. */
    public static final Set<String> ATTRIBUTES = Set.of("commercialUse", "derivatives", "shareAlike", "attribution");

    public LicenseRecord {
        sources = sources == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sources));
    }

    /** The writable part, for PUT. */
    @Schema(name = "LicenseUpdate", description = "A license's name and attributes; null attributes are unknown")
    public record Update(
            @Schema(required = true) @NotBlank @Size(max = 300) String name,
            Boolean commercialUse, Boolean derivatives, Boolean shareAlike, Boolean attribution,
            @Size(max = 2000) String note,
            @Schema(description = "Per attribute: source URL, date read, statement") Map<String, @Valid AttributeSource> sources) {
        public Update {
            sources = sources == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sources));
        }

        public Update(String name, Boolean commercialUse, Boolean derivatives, Boolean shareAlike, Boolean attribution,
                String note) {
            this(name, commercialUse, derivatives, shareAlike, attribution, note, Map.of());
        }
    }

    public LicenseAttributes attributes() {
        return new LicenseAttributes(commercialUse, derivatives, shareAlike, attribution);
    }
}
