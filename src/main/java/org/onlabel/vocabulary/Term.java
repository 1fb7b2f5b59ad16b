package org.onlabel.vocabulary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** One entry of a controlled vocabulary. {@code attributes} holds what only some vocabularies have. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Term(
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String id,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String label,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Absent when empty") String description,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Absent when empty") Map<String, Object> attributes) {
    public Term {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
