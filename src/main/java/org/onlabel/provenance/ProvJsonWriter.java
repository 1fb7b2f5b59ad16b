package org.onlabel.provenance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an upstream lineage as W3C PROV-JSON (https://www.w3.org/submissions/prov-json/). Datasets are entities
 * under the prefix {@code onlabel} (the dataset URL base of the serving instance); each derived dataset's making
 * is one activity {@code onlabel:<key>#derivation}; software and organizations are agents.
 */
public final class ProvJsonWriter {
    public static final String PREFIX = "onlabel";
    private final String datasetBaseUrl;

    public ProvJsonWriter(String datasetBaseUrl) {
        this.datasetBaseUrl = datasetBaseUrl.endsWith("/") ? datasetBaseUrl : datasetBaseUrl + "/";
    }

    public Map<String, Object> write(LineageGraph graph, List<ProvenanceRepository.NodeRow> nodes,
            Map<Long, List<PreprocessingStep>> steps, Map<String, Long> idOf) {
        Map<String, Object> prefix = new LinkedHashMap<>();
        prefix.put(PREFIX, datasetBaseUrl);
        prefix.put("onlabel-agent", datasetBaseUrl + "agents/");
        prefix.put("prov", "http://www.w3.org/ns/prov#");
        Map<String, Object> entity = new LinkedHashMap<>();
        Map<String, Object> activity = new LinkedHashMap<>();
        Map<String, Object> agent = new LinkedHashMap<>();
        Map<String, Object> wasDerivedFrom = new LinkedHashMap<>();
        Map<String, Object> wasGeneratedBy = new LinkedHashMap<>();
        Map<String, Object> used = new LinkedHashMap<>();
        Map<String, Object> wasAssociatedWith = new LinkedHashMap<>();
        Counter ids = new Counter();

        for (ProvenanceRepository.NodeRow node : nodes) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("prov:label", node.title());
            e.put("prov:type", "onlabel:Dataset");
            e.put("onlabel:status", node.status());
            e.put("onlabel:registered", node.registered());
            entity.put(qname(node.key()), e);

            List<String> parents = graph.parentsOf(node.key());
            List<PreprocessingStep> own = steps.getOrDefault(idOf.get(node.key()), List.of());
            if (parents.isEmpty() && own.isEmpty()) {
                continue;
            }
            String act = qname(node.key()) + "#derivation";
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("prov:label", "making of " + node.key());
            a.put("onlabel:steps", own.stream().map(PreprocessingStep::step).toList());
            activity.put(act, a);
            wasGeneratedBy.put(ids.next(), Map.of("prov:entity", qname(node.key()), "prov:activity", act));
            for (String parent : parents) {
                used.put(ids.next(), Map.of("prov:activity", act, "prov:entity", qname(parent)));
                wasDerivedFrom.put(ids.next(), Map.of("prov:generatedEntity", qname(node.key()),
                        "prov:usedEntity", qname(parent), "prov:activity", act));
            }
            if (node.organization() != null) {
                String org = "onlabel-agent:org/" + node.organization();
                agent.putIfAbsent(org, Map.of("prov:type", "prov:Organization", "prov:label", node.organization()));
                wasAssociatedWith.put(ids.next(), Map.of("prov:activity", act, "prov:agent", org));
            }
            for (PreprocessingStep s : own) {
                if (s.software() == null || s.software().name() == null) {
                    continue;
                }
                String sw = "onlabel-agent:software/" + s.software().name().replaceAll("\\s+", "_")
                        + (s.software().version() == null ? "" : "@" + s.software().version());
                Map<String, Object> swAttrs = new LinkedHashMap<>();
                swAttrs.put("prov:type", "prov:SoftwareAgent");
                swAttrs.put("prov:label", s.software().name());
                if (s.software().version() != null) {
                    swAttrs.put("onlabel:version", s.software().version());
                }
                if (s.software().codeUrl() != null) {
                    swAttrs.put("onlabel:codeUrl", s.software().codeUrl());
                }
                if (agent.putIfAbsent(sw, swAttrs) == null || !wasAssociatedWith.containsValue(Map.of("prov:activity", act, "prov:agent", sw))) {
                    wasAssociatedWith.put(ids.next(), Map.of("prov:activity", act, "prov:agent", sw));
                }
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("prefix", prefix);
        doc.put("entity", entity);
        putIfNotEmpty(doc, "activity", activity);
        putIfNotEmpty(doc, "agent", agent);
        putIfNotEmpty(doc, "wasGeneratedBy", wasGeneratedBy);
        putIfNotEmpty(doc, "used", used);
        putIfNotEmpty(doc, "wasDerivedFrom", wasDerivedFrom);
        putIfNotEmpty(doc, "wasAssociatedWith", wasAssociatedWith);
        return doc;
    }

    private static String qname(String key) {
        return PREFIX + ":" + key;
    }

    private static void putIfNotEmpty(Map<String, Object> doc, String name, Map<String, Object> section) {
        if (!section.isEmpty()) {
            doc.put(name, section);
        }
    }

    private static final class Counter {
        private int n;

        String next() {
            return "_:r" + (++n);
        }
    }
}
