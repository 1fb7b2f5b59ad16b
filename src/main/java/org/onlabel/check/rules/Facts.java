package org.onlabel.check.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onlabel.common.collect.SharedPrefixList;

/**
 * What the rule engine knows about the datasets of a check: plain values gathered from the catalog and the
 * lineage by the check service. Null means unknown; rules that need an unknown fact say so (UNKNOWN), never guess.
 */
public final class Facts {
    private Facts() {
    }

    /** What the data physically is; every field may be null (unknown). */
    public record Representation(String domain, Boolean complex, String coils, String compression, Integer bitDepth) {
    }

    /** A license expression and the attributes derived from it; null attributes are unknown. */
    public record License(String expression, Boolean commercialUse, Boolean derivatives, Boolean shareAlike,
            Boolean attribution) {
        public static final License NONE = new License(null, null, null, null, null);
    }

    /**
     * A disease of the disease vocabulary: its MONDO id, label, and the ids it is a kind of (itself and every is-a
     * ancestor), so that rules match subclasses without knowing the ontology.
     */
    public record Disease(String id, String label, Set<String> isA) {
        public Disease {
            isA = Set.copyOf(isA);
        }

        /** True when this disease is {@code other} or a subclass of it. */
        public boolean isA(Disease other) {
            return isA.contains(other.id());
        }

        /** "glioblastoma (MONDO:0018177)". */
        public String display() {
            return label + " (" + id + ")";
        }
    }

    /**
     * A GA4GH DUO condition by abbreviation (NCU, NMDS, DS, ...), with its disease term for DS as recorded and, when the
     * term is in the disease vocabulary, as a {@link Disease} ({@code term} null otherwise).
     */
    public record DataUse(String code, String disease, Disease term) {
        public DataUse(String code, String disease) {
            this(code, disease, null);
        }
    }

    public record Contraindication(String task, String reason) {
    }

    /**
     * One preprocessing step of the effective history: which dataset applied it, its position in that dataset's
     * own step list (0-based), and the path of keys from the checked dataset to that dataset (first element is the
     * checked dataset, last is {@code dataset}).
     */
    public record HistoryStep(String dataset, int index, String step, Map<String, Object> parameters, List<String> path) {
        public HistoryStep {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
            path = SharedPrefixList.immutable(path);
        }
    }

    /**
     * The checked dataset or one of its ancestors. {@code path} runs from the checked dataset to this one (length 1
     * for the checked dataset itself); {@code parents} are its direct parents' keys. An unregistered node is a
     * source seen only by name (e.g. an OpenLineage input): nothing else about it is known. {@code title} (may be
     * null) is shown beside the key in messages; {@code modalities} are DICOM modality codes (MR, CT, CR, ...).
     */
    public record Node(String key, List<String> path, List<String> parents, boolean registered, String status,
            License license, List<DataUse> dataUse, List<Contraindication> contraindications, List<String> vendors,
            List<String> sites, String title, List<String> modalities) {
        public Node {
            path = SharedPrefixList.immutable(path);
            parents = parents == null ? List.of() : List.copyOf(parents);
            license = license == null ? License.NONE : license;
            dataUse = dataUse == null ? List.of() : List.copyOf(dataUse);
            contraindications = contraindications == null ? List.of() : List.copyOf(contraindications);
            vendors = vendors == null ? List.of() : List.copyOf(vendors);
            sites = sites == null ? List.of() : List.copyOf(sites);
            modalities = modalities == null ? List.of() : modalities.stream().filter(m -> m != null && !m.isBlank())
                    .map(m -> m.trim().toUpperCase(java.util.Locale.ROOT)).distinct().toList();
        }

        /** A node without title or modalities recorded. */
        public Node(String key, List<String> path, List<String> parents, boolean registered, String status,
                License license, List<DataUse> dataUse, List<Contraindication> contraindications, List<String> vendors,
                List<String> sites) {
            this(key, path, parents, registered, status, license, dataUse, contraindications, vendors, sites, null,
                    null);
        }
    }

    /**
     * Everything about one checked dataset: its own representation and intended uses, its effective history
     * (ordered from the sources to the dataset, each ancestor's steps once), and its lineage (itself first, then
     * every ancestor once, each with its shortest path).
     */
    public record Dataset(String key, Representation representation, List<String> intendedUses,
            List<HistoryStep> history, List<Node> lineage, List<Partition> partitions,
            List<ManifestOverlap> overlaps) {
        public Dataset {
            intendedUses = intendedUses == null ? List.of() : List.copyOf(intendedUses);
            history = history == null ? List.of() : List.copyOf(history);
            lineage = List.copyOf(lineage);
            partitions = partitions == null ? List.of() : List.copyOf(partitions);
            overlaps = overlaps == null ? List.of() : List.copyOf(overlaps);
        }

        /** A dataset without leakage evidence (no declared partitions, no manifests compared). */
        public Dataset(String key, Representation representation, List<String> intendedUses,
                List<HistoryStep> history, List<Node> lineage) {
            this(key, representation, intendedUses, history, lineage, List.of(), List.of());
        }

        /** The same facts with the partitions declared in its lineage and its manifests' overlaps. */
        public Dataset withLeakageEvidence(List<Partition> partitions, List<ManifestOverlap> overlaps) {
            return new Dataset(key, representation, intendedUses, history, lineage, partitions, overlaps);
        }

        /** The checked dataset's own node (the first of its lineage), if the lineage lists it. */
        public java.util.Optional<Node> self() {
            return lineage.stream().filter(n -> n.key().equals(key)).findFirst();
        }

        /**
         * The modalities the data are: the dataset's own when recorded, else those of its registered ancestors (a
         * derived dataset inherits what its sources were); empty when nothing is recorded anywhere.
         */
        public java.util.Set<String> modalities() {
            java.util.Set<String> own = new java.util.LinkedHashSet<>(self().map(Node::modalities).orElse(List.of()));
            if (!own.isEmpty()) {
                return own;
            }
            java.util.Set<String> inherited = new java.util.LinkedHashSet<>();
            lineage.forEach(n -> inherited.addAll(n.modalities()));
            return inherited;
        }
    }

    /**
     * {@code dataset} (the checked dataset or an ancestor) is part {@code part} of partition {@code scheme} of its
     * parent {@code parent}: parts of one scheme of one parent are disjoint at level {@code disjointBy} (subject,
     * study or image).
     */
    public record Partition(String dataset, String parent, String scheme, String part, String disjointBy) {
    }

    /**
     * Subject (or study, image) manifests of the checked dataset and of {@code other} made with the same salt:
     * {@code shared} pseudonymous identifiers in common out of {@code size} (this dataset's) and {@code otherSize}.
     */
    public record ManifestOverlap(String other, String level, String salt, long shared, long size, long otherSize) {
        public double fraction() {
            return size == 0 ? 0 : (double) shared / size;
        }

        public double otherFraction() {
            return otherSize == 0 ? 0 : (double) shared / otherSize;
        }
    }

    /** A dataset in a check with its role: train, test, validation or any. */
    public record Roled(String role, Dataset dataset) {
    }

    /** Why the data will be used. {@code methodsDevelopment} null means: true when any dataset is in a train, test or validation role. */
    /**
     * What the user will do. {@code publishesDerivedData}: the user will publish data made from the datasets
     * (processed images, labels, a derived dataset) — the only case in which share-alike and no-derivatives terms
     * bind the user rather than the publisher; not stated = false.
     */
    public record Purpose(Boolean commercial, Boolean methodsDevelopment, String disease, Disease diseaseTerm,
                          Boolean publishesDerivedData) {
        public static final Purpose UNSTATED = new Purpose(null, null, null, null, null);

        public Purpose(Boolean commercial, Boolean methodsDevelopment, String disease) {
            this(commercial, methodsDevelopment, disease, null, null);
        }

        public Purpose(Boolean commercial, Boolean methodsDevelopment, String disease, Disease diseaseTerm) {
            this(commercial, methodsDevelopment, disease, diseaseTerm, null);
        }
    }
}
