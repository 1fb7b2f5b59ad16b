package org.onlabel.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds dataset request bodies for tests, each with its own unique key. */
public final class Datasets {
    private Datasets() {
    }

    public static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A complete, valid body; tests change one field to probe one rule. */
    public static Map<String, Object> valid(String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("title", "Knee MRI raw k-space " + key);
        body.put("description", "Fully sampled multi-coil knee k-space for reconstruction research.");
        body.put("version", "1.0");
        body.put("publisher", "Test Hospital");
        body.put("doi", "10.5555/" + key);
        body.put("homepage", "https://example.org/" + key);
        body.put("modalities", List.of("MR"));
        body.put("anatomy", List.of("knee"));
        body.put("formats", List.of("HDF5"));
        body.put("subjects", 42);
        body.put("cohort", Map.of("sites", List.of("Site A"), "vendors", List.of("Siemens"),
                "fieldStrengthsT", List.of(3.0), "population", "adult volunteers"));
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("domain", "kspace");
        representation.put("complex", true);
        representation.put("coils", "multi");
        representation.put("compression", "none");
        representation.put("bitDepth", 32);
        body.put("representation", representation);
        body.put("deidentification", List.of("113100"));
        body.put("license", "CC-BY-4.0");
        body.put("dataUse", List.of(Map.of("code", "NCU")));
        body.put("intendedUses", List.of(Map.of("task", "mri-reconstruction", "note", "reference")));
        body.put("contraindications", List.of(Map.of("task", "classification", "reason", "no labels")));
        body.put("status", "active");
        body.put("organization", "test-org");
        body.put("visibility", "public");
        return body;
    }
}
