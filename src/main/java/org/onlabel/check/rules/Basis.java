package org.onlabel.check.rules;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a rule comes from: stated in the literature, our own inference (said so in the rationale), or policy (a
 * registry or license rule rather than a finding about the data).
 */
public enum Basis {
    LITERATURE, INFERENCE, POLICY;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null when the text is none of {@code literature}, {@code inference}, {@code policy}. */
    public static Basis fromId(String id) {
        for (Basis basis : values()) {
            if (basis.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return basis;
            }
        }
        return null;
    }
}
