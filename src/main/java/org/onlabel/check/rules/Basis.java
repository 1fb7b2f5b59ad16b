package org.onlabel.check.rules;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a rule comes from: stated in the literature, or our own inference. */
public enum Basis {
    LITERATURE, INFERENCE;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null when the text is neither {@code literature} nor {@code inference}. */
    public static Basis fromId(String id) {
        for (Basis basis : values()) {
            if (basis.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return basis;
            }
        }
        return null;
    }
}
