package org.onlabel.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onlabel.check.rules.Facts;
import org.onlabel.license.LicenseAttributeTable;
import org.onlabel.license.LicenseAttributes;

/**
 * Test support: the facts the check service would gather, built without a database from catalog entries in the
 * shape of {@code catalog/reference-datasets.json} (the shipped reference catalog plus datasets a test adds) and the
 * license table seeded from the shipped vocabulary. Lineage by breadth-first search (shortest paths), history with
 * every dataset's steps after all of its parents'.
 */
final class CatalogFacts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> entries = new LinkedHashMap<>();
    /** Manifests by dataset key, then level: salt and identifiers. */
    private final Map<String, Map<String, Map.Entry<String, Set<String>>>> manifests = new LinkedHashMap<>();
    private final LicenseAttributeTable licenses;

    private CatalogFacts(LicenseAttributeTable licenses) {
        this.licenses = licenses;
    }

    static CatalogFacts shipped() {
        CatalogFacts catalog = new CatalogFacts(shippedLicenses());
        read("catalog/reference-datasets.json").get("datasets").forEach(catalog::add);
        return catalog;
    }

    CatalogFacts add(JsonNode entry) {
        entries.put(entry.get("key").asText(), entry);
        return this;
    }

    /** A manifest {dataset, level, salt, ids} as registered with PUT .../manifest (ids taken as they are). */
    CatalogFacts manifest(JsonNode manifest) {
        Set<String> ids = new LinkedHashSet<>(texts(manifest.get("ids")));
        manifests.computeIfAbsent(manifest.get("dataset").asText(), k -> new LinkedHashMap<>())
                .put(manifest.get("level").asText(), Map.entry(manifest.get("salt").asText(), ids));
        return this;
    }

    List<JsonNode> entries() {
        return List.copyOf(entries.values());
    }

    JsonNode entry(String key) {
        JsonNode entry = entries.get(key);
        if (entry == null) {
            throw new IllegalArgumentException("no dataset '" + key + "' in the catalog or the test's datasets");
        }
        return entry;
    }

    Facts.Dataset facts(String key) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        paths.put(key, List.of(key));
        Deque<String> queue = new ArrayDeque<>(List.of(key));
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (String parent : parents(current)) {
                if (!paths.containsKey(parent)) {
                    List<String> path = new ArrayList<>(paths.get(current));
                    path.add(parent);
                    paths.put(parent, List.copyOf(path));
                    queue.add(parent);
                }
            }
        }
        List<Facts.Node> lineage = new ArrayList<>();
        paths.forEach((node, path) -> lineage.add(node(node, path)));
        List<Facts.HistoryStep> history = new ArrayList<>();
        for (String dataset : sourcesFirst(key)) {
            JsonNode steps = entry(dataset).path("preprocessing");
            for (int i = 0; i < steps.size(); i++) {
                JsonNode step = steps.get(i);
                @SuppressWarnings("unchecked")
                Map<String, Object> parameters = step.hasNonNull("parameters")
                        ? JSON.convertValue(step.get("parameters"), Map.class) : Map.of();
                history.add(new Facts.HistoryStep(dataset, i, step.get("step").asText(), parameters,
                        paths.get(dataset)));
            }
        }
        JsonNode self = entry(key);
        JsonNode r = self.path("representation");
        Facts.Representation representation = new Facts.Representation(text(r, "domain"),
                r.hasNonNull("complex") ? r.get("complex").asBoolean() : null, text(r, "coils"),
                text(r, "compression"), r.hasNonNull("bitDepth") ? r.get("bitDepth").asInt() : null);
        List<String> intended = new ArrayList<>();
        self.path("intendedUses").forEach(u -> intended.add(u.get("task").asText()));
        return new Facts.Dataset(key, representation, intended, history, lineage)
                .withLeakageEvidence(partitions(paths.keySet()), overlaps(key));
    }

    private List<Facts.Partition> partitions(Set<String> lineage) {
        List<Facts.Partition> partitions = new ArrayList<>();
        for (String key : lineage) {
            JsonNode p = entry(key).path("partitionOf");
            if (!p.isMissingNode() && !p.isNull()) {
                partitions.add(new Facts.Partition(key, p.get("dataset").asText(), p.get("scheme").asText(),
                        p.get("part").asText(), p.path("disjointBy").asText("subject")));
            }
        }
        return partitions;
    }

    private List<Facts.ManifestOverlap> overlaps(String key) {
        List<Facts.ManifestOverlap> overlaps = new ArrayList<>();
        manifests.getOrDefault(key, Map.of()).forEach((level, mine) -> manifests.forEach((other, theirs) -> {
            var their = theirs.get(level);
            if (!other.equals(key) && their != null && their.getKey().equals(mine.getKey())) {
                Set<String> shared = new LinkedHashSet<>(mine.getValue());
                shared.retainAll(their.getValue());
                overlaps.add(new Facts.ManifestOverlap(other, level, mine.getKey(), shared.size(),
                        mine.getValue().size(), their.getValue().size()));
            }
        }));
        return overlaps;
    }

    private Facts.Node node(String key, List<String> path) {
        JsonNode e = entry(key);
        boolean registered = !e.has("registered") || e.get("registered").asBoolean();
        List<Facts.DataUse> dataUse = new ArrayList<>();
        e.path("dataUse").forEach(u -> dataUse.add(new Facts.DataUse(u.get("code").asText(), text(u, "disease"),
                disease(text(u, "disease")))));
        List<Facts.Contraindication> contraindications = new ArrayList<>();
        e.path("contraindications").forEach(c -> contraindications.add(new Facts.Contraindication(
                c.get("task").asText(), text(c, "reason"))));
        return new Facts.Node(key, path, parents(key), registered, registered ? e.path("status").asText("active")
                : null, FactsAssembler.license(text(e, "license"), licenses), dataUse, contraindications,
                texts(e.path("cohort").path("vendors")), texts(e.path("cohort").path("sites")), text(e, "title"),
                texts(e.path("modalities")));
    }

    /** A disease name as the check service resolves it: its term of the shipped disease vocabulary, or null. */
    static Facts.Disease disease(String name) {
        return name == null ? null : FactsAssembler.disease(name, org.onlabel.support.TestVocabularies.shipped()
                .diseases());
    }

    private List<String> parents(String key) {
        return texts(entry(key).path("derivedFrom"));
    }

    /** Every dataset of the lineage once, each after all of its parents (depth-first post-order). */
    private List<String> sourcesFirst(String key) {
        Set<String> ordered = new LinkedHashSet<>();
        visit(key, ordered, new LinkedHashSet<>());
        return new ArrayList<>(ordered);
    }

    private void visit(String key, Set<String> ordered, Set<String> visiting) {
        if (ordered.contains(key) || !visiting.add(key)) {
            return;
        }
        parents(key).forEach(parent -> visit(parent, ordered, visiting));
        ordered.add(key);
    }

    private static LicenseAttributeTable shippedLicenses() {
        Map<String, LicenseAttributes> byId = new LinkedHashMap<>();
        for (JsonNode term : read("vocabularies/vocabularies.json").get("licenses").get("terms")) {
            JsonNode a = term.path("attributes");
            byId.put(term.get("id").asText(), new LicenseAttributes(bool(a, "commercialUse"), bool(a, "derivatives"),
                    bool(a, "shareAlike"), bool(a, "attribution")));
        }
        return new LicenseAttributeTable(byId);
    }

    static JsonNode read(String resource) {
        try (InputStream in = CatalogFacts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return resource.endsWith(".json") ? JSON.readTree(in)
                    : new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isBoolean() ? null : value.asBoolean();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
