package org.onlabel.vocabulary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** One entry of a controlled vocabulary. {@code attributes} holds what only some vocabularies have. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Term(String id, String label, String description, Map<String, Object> attributes) {
    public Term {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }
}
