package org.onlabel.check.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test builder: a small catalog of datasets linked by derivation, turned into the {@link Facts} the check service
 * would gather (lineage by breadth-first search with shortest paths, history ordered from the sources down).
 * Datasets start "clean": raw multi-coil complex k-space, a fully known permissive license, no steps.
 */
final class Lineages {
    static final Set<String> KNOWN_STEPS = Set.of("kspace-zero-padding", "image-interpolation", "resampling",
            "downsampling", "lossy-compression", "lossless-compression", "bit-depth-reduction", "magnitude-extraction",
            "coil-combination", "coil-compression", "emulated-single-coil", "synthetic-kspace",
            "retrospective-undersampling", "parallel-imaging-fill", "partial-fourier-fill", "skull-stripping",
            "defacing", "bias-field-correction", "gradient-distortion-correction", "intensity-normalization",
            "cropping", "padding", "registration", "format-conversion", "de-identification", "subset-selection",
            "label-generation", "denoising", "augmentation");

    static final Facts.Representation RAW_KSPACE = new Facts.Representation("kspace", true, "multi", "none", 16);
    static final Facts.License CC_BY = new Facts.License("CC-BY-4.0", true, true, false, true);
    static final Facts.License CC_BY_NC = new Facts.License("CC-BY-NC-4.0", false, true, false, true);
    static final Facts.License CC_BY_ND = new Facts.License("CC-BY-ND-4.0", true, false, false, true);
    static final Facts.License CC_BY_SA = new Facts.License("CC-BY-SA-4.0", true, true, true, true);
    static final Facts.Purpose NON_COMMERCIAL = new Facts.Purpose(false, null, null);

    private final Map<String, Spec> specs = new LinkedHashMap<>();

    static Ruleset shippedRuleset() {
        try (InputStream yaml = Lineages.class.getResourceAsStream("/rules/ruleset.yaml")) {
            return RulesetLoader.load(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RuleEngine shippedEngine() {
        return new RuleEngine(shippedRuleset(), KNOWN_STEPS);
    }

    Spec dataset(String key) {
        Spec spec = new Spec(key);
        specs.put(key, spec);
        return spec;
    }

    Facts.Roled roled(String role, String key) {
        return new Facts.Roled(role, facts(key));
    }

    Facts.Dataset facts(String key) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        paths.put(key, List.of(key));
        queue.add(key);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (String parent : spec(current).parents) {
                if (!paths.containsKey(parent)) {
                    List<String> path = new ArrayList<>(paths.get(current));
                    path.add(parent);
                    paths.put(parent, List.copyOf(path));
                    queue.add(parent);
                }
            }
        }
        List<Facts.Node> lineage = new ArrayList<>();
        paths.forEach((nodeKey, path) -> lineage.add(spec(nodeKey).node(path)));
        List<Facts.HistoryStep> history = new ArrayList<>();
        List<String> sourcesFirst = new ArrayList<>(paths.keySet());
        Collections.reverse(sourcesFirst);
        for (String nodeKey : sourcesFirst) {
            history.addAll(spec(nodeKey).history(paths.get(nodeKey)));
        }
        Spec self = spec(key);
        List<Facts.Partition> partitions = new ArrayList<>();
        paths.keySet().forEach(nodeKey -> {
            if (spec(nodeKey).partition != null) {
                partitions.add(spec(nodeKey).partition);
            }
        });
        List<Facts.ManifestOverlap> overlaps = new ArrayList<>();
        self.manifests.forEach((level, manifest) -> specs.values().forEach(other -> {
            Manifest theirs = other.manifests.get(level);
            if (other != self && theirs != null && theirs.salt().equals(manifest.salt())) {
                java.util.Set<String> shared = new java.util.HashSet<>(manifest.ids());
                shared.retainAll(theirs.ids());
                overlaps.add(new Facts.ManifestOverlap(other.key, level, manifest.salt(), shared.size(),
                        manifest.ids().size(), theirs.ids().size()));
            }
        }));
        return new Facts.Dataset(key, self.representation, self.intendedUses, history, lineage)
                .withLeakageEvidence(partitions, overlaps);
    }

    record Manifest(String salt, java.util.Set<String> ids) {
    }

    Spec spec(String key) {
        Spec spec = specs.get(key);
        if (spec == null) {
            throw new IllegalArgumentException("no dataset " + key + " in the test catalog");
        }
        return spec;
    }

    static final class Spec {
        final String key;
        Facts.Representation representation = RAW_KSPACE;
        List<String> intendedUses = new ArrayList<>();
        final List<String> parents = new ArrayList<>();
        final List<Object[]> steps = new ArrayList<>();
        boolean registered = true;
        String status = "active";
        Facts.License license = CC_BY;
        final List<Facts.DataUse> dataUse = new ArrayList<>();
        final List<Facts.Contraindication> contraindications = new ArrayList<>();
        List<String> vendors = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        List<String> modalities = new ArrayList<>();
        String title;
        Facts.Partition partition;
        final Map<String, Manifest> manifests = new LinkedHashMap<>();

        private Spec(String key) {
            this.key = key;
        }

        /** Declares this dataset part {@code part} of scheme {@code scheme} of its parent {@code parent}. */
        Spec partitionOf(String parent, String scheme, String part, String disjointBy) {
            partition = new Facts.Partition(key, parent, scheme, part, disjointBy);
            return this;
        }

        /** A manifest of (already pseudonymous) identifiers at a level, made with a salt. */
        Spec manifest(String level, String salt, String... ids) {
            manifests.put(level, new Manifest(salt, new java.util.LinkedHashSet<>(Arrays.asList(ids))));
            return this;
        }

        Spec representation(String domain, Boolean complex, String coils, String compression, Integer bitDepth) {
            representation = new Facts.Representation(domain, complex, coils, compression, bitDepth);
            return this;
        }

        Spec intended(String... tasks) {
            intendedUses = new ArrayList<>(Arrays.asList(tasks));
            return this;
        }

        Spec derivedFrom(String... keys) {
            parents.addAll(Arrays.asList(keys));
            return this;
        }

        /** A step with parameters given as alternating names and values. */
        Spec step(String id, Object... parameters) {
            steps.add(new Object[] { id, parameters });
            return this;
        }

        Spec unregistered() {
            registered = false;
            status = null;
            license = null;
            representation = null;
            return this;
        }

        Spec status(String value) {
            status = value;
            return this;
        }

        Spec license(Facts.License value) {
            license = value;
            return this;
        }

        Spec dataUse(String code) {
            return dataUse(code, null);
        }

        Spec dataUse(String code, String disease) {
            dataUse.add(new Facts.DataUse(code, disease));
            return this;
        }

        Spec contraindication(String task, String reason) {
            contraindications.add(new Facts.Contraindication(task, reason));
            return this;
        }

        Spec vendors(String... values) {
            vendors = new ArrayList<>(Arrays.asList(values));
            return this;
        }

        Spec sites(String... values) {
            sites = new ArrayList<>(Arrays.asList(values));
            return this;
        }

        Spec modalities(String... values) {
            modalities = new ArrayList<>(Arrays.asList(values));
            return this;
        }

        Spec title(String value) {
            title = value;
            return this;
        }

        private Facts.Node node(List<String> path) {
            return new Facts.Node(key, path, parents, registered, status, license, dataUse, contraindications,
                    vendors, sites, title, modalities);
        }

        private List<Facts.HistoryStep> history(List<String> path) {
            List<Facts.HistoryStep> history = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Object[] parameters = (Object[]) steps.get(i)[1];
                Map<String, Object> map = new LinkedHashMap<>();
                for (int p = 0; p + 1 < parameters.length; p += 2) {
                    map.put((String) parameters[p], parameters[p + 1]);
                }
                history.add(new Facts.HistoryStep(key, i, (String) steps.get(i)[0], map, path));
            }
            return history;
        }
    }
}
