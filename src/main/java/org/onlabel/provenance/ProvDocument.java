package org.onlabel.provenance;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contract's description of the PROV-JSON documents {@link ProvJsonWriter} writes (W3C PROV-JSON): sections
 * map identifiers (qualified names such as {@code onlabel:brats-2021}) to the attributes of each record. Sections
 * without records are left out.
 */
@Schema(name = "ProvDocument", description = "A W3C PROV-JSON document (https://www.w3.org/submissions/prov-json/)")
public record ProvDocument(
        @Schema(required = true, description = "Namespace prefixes: onlabel (dataset URLs), onlabel-agent, prov")
        Map<String, String> prefix,
        @Schema(required = true, description = "Datasets, by qualified name") Map<String, Map<String, Object>> entity,
        @Schema(description = "Derivations") Map<String, Map<String, Object>> activity,
        @Schema(description = "Software and organizations") Map<String, Map<String, Object>> agent,
        Map<String, Map<String, Object>> wasGeneratedBy,
        Map<String, Map<String, Object>> used,
        Map<String, Map<String, Object>> wasDerivedFrom,
        Map<String, Map<String, Object>> wasAssociatedWith) {
}
