package org.onlabel.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.onlabel.license.LicenseAttributes;

/** A license expression's terms in plain words, one sentence per license it names. Plain Java. */
public final class LicenseWords {
    private LicenseWords() {
    }

    public static List<String> describe(String expression, Function<String, Optional<LicenseAttributes>> table) {
        List<String> out = new ArrayList<>();
        if (expression == null || expression.isBlank()) {
            out.add("No license is recorded: ask the publisher before any use.");
            return out;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String token : expression.replace("(", " ").replace(")", " ").trim().split("\\s+")) {
            if (!token.equals("AND") && !token.equals("OR") && !token.equals("WITH")) {
                ids.add(token);
            }
        }
        if (expression.contains(" OR ")) {
            out.add("You may choose among the licenses joined by OR; those joined by AND all apply.");
        } else if (expression.contains(" AND ")) {
            out.add("All of these licenses apply at once.");
        }
        for (String id : ids) {
            out.add(sentence(id, table.apply(id).orElse(LicenseAttributes.UNKNOWN)));
        }
        return out;
    }

    static String sentence(String id, LicenseAttributes a) {
        List<String> parts = new ArrayList<>();
        parts.add(a.commercialUse() == null ? "commercial use: not recorded"
                : a.commercialUse() ? "commercial use allowed" : "no commercial use");
        parts.add(a.derivatives() == null ? "derived data: not recorded"
                : a.derivatives() ? "derived data may be shared" : "no sharing of derived data");
        if (Boolean.TRUE.equals(a.shareAlike())) {
            parts.add("derived data must keep the same license");
        }
        parts.add(a.attribution() == null ? "attribution: not recorded"
                : a.attribution() ? "credit the source" : "no attribution required");
        return id + ": " + String.join("; ", parts) + ".";
    }
}
