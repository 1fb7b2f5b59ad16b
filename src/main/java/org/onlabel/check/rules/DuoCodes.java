package org.onlabel.check.rules;

import java.util.Locale;
import java.util.Map;

/** GA4GH DUO abbreviations with their ontology ids, so findings can name both. */
final class DuoCodes {
    private static final Map<String, String> IDS = Map.ofEntries(Map.entry("NRES", "DUO:0000004"),
            Map.entry("GRU", "DUO:0000042"), Map.entry("HMB", "DUO:0000006"), Map.entry("DS", "DUO:0000007"),
            Map.entry("POA", "DUO:0000011"), Map.entry("NMDS", "DUO:0000015"), Map.entry("NCU", "DUO:0000046"),
            Map.entry("NPUNCU", "DUO:0000018"), Map.entry("NPU", "DUO:0000045"), Map.entry("IRB", "DUO:0000021"),
            Map.entry("PUB", "DUO:0000019"), Map.entry("COL", "DUO:0000020"), Map.entry("US", "DUO:0000026"),
            Map.entry("RTN", "DUO:0000029"), Map.entry("TS", "DUO:0000025"), Map.entry("MOR", "DUO:0000024"),
            Map.entry("GSO", "DUO:0000016"), Map.entry("RS", "DUO:0000012"), Map.entry("CC", "DUO:0000043"),
            Map.entry("IS", "DUO:0000028"), Map.entry("GS", "DUO:0000022"), Map.entry("PS", "DUO:0000027"),
            Map.entry("NPOA", "DUO:0000044"));

    private DuoCodes() {
    }

    static String normalise(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    /** E.g. {@code NCU (DUO:0000046)}. */
    static String label(String code) {
        String abbreviation = normalise(code);
        String id = IDS.get(abbreviation);
        return id == null ? abbreviation : abbreviation + " (" + id + ")";
    }
}
