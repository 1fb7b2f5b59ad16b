package org.onlabel.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's description of one RFC 6902 operation, as the audit trail's {@code changes} hold them. */
@Schema(name = "JsonPatchOperation", description = "One RFC 6902 JSON Patch operation")
public record JsonPatchOperation(
        @Schema(required = true, enumeration = {"add", "remove", "replace", "move", "copy", "test"}) String op,
        @Schema(required = true, description = "JSON Pointer of the changed member", examples = "/title") String path,
        @Schema(description = "JSON Pointer of the source (move and copy)") String from,
        @Schema(description = "The new value (add, replace, test)") JsonNode value) {
}
