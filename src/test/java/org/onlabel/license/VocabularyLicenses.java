package org.onlabel.license;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The "licenses" vocabulary of src/main/resources/vocabularies/vocabularies.json, read for tests. */
final class VocabularyLicenses {

    private static final JsonNode TERMS = read().path("licenses").path("terms");

    private VocabularyLicenses() {
    }

    static List<String> ids() {
        List<String> ids = new ArrayList<>();
        TERMS.forEach(term -> ids.add(term.path("id").asText()));
        return ids;
    }

    static LicenseAttributeTable table() {
        Map<String, LicenseAttributes> byId = new LinkedHashMap<>();
        TERMS.forEach(term -> {
            JsonNode attributes = term.path("attributes");
            byId.put(term.path("id").asText(), new LicenseAttributes(
                    flag(attributes, "commercialUse"), flag(attributes, "derivatives"),
                    flag(attributes, "shareAlike"), flag(attributes, "attribution")));
        });
        return new LicenseAttributeTable(byId);
    }

    private static Boolean flag(JsonNode attributes, String name) {
        JsonNode value = attributes.path(name);
        return value.isBoolean() ? value.booleanValue() : null;
    }

    private static JsonNode read() {
        try (InputStream in = VocabularyLicenses.class.getResourceAsStream("/vocabularies/vocabularies.json")) {
            if (in == null) {
                throw new IllegalStateException("vocabularies/vocabularies.json is not on the test class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
