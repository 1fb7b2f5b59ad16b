package org.onlabel.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onlabel.check.rules.Facts;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.security.Viewer;
import org.onlabel.license.EvaluatedLicense;
import org.onlabel.license.InvalidLicenseExpressionException;
import org.onlabel.license.LicenseAttributeTable;
import org.onlabel.license.LicenseAttributes;
import org.onlabel.license.LicenseExpression;
import org.onlabel.provenance.LineageGraph;
import org.onlabel.vocabulary.DiseaseOntology;
import org.onlabel.vocabulary.Vocabularies;

/**
 * Gathers the facts the rule engine reasons over for one dataset: its own, and those of every ancestor the viewer
 * may see, from one recursive query ({@link LineageFactsRepository}) bounded by onlabel.lineage.max-depth and
 * max-nodes, as the lineage and history endpoints are. A single dataset's walk goes through {@link LineageWalkCache}
 * (kept walks, and a derived dataset's walk made from its parent's).
 */
@ApplicationScoped
public class FactsAssembler {
    /** Stands for the ancestors beyond the lineage limits (onlabel.lineage.max-depth / max-nodes). */
    static final String BEYOND_LIMIT = "(ancestors beyond the lineage limit)";
    /** Batches up to this size are walked dataset by dataset through {@link LineageWalkCache}. */
    static final int WALKED_ONE_BY_ONE = 4;

    private final LineageFactsRepository rows;
    private final LineageWalkCache walks;
    private final OnLabelConfig config;
    private final DiseaseOntology diseases;

    public FactsAssembler(LineageFactsRepository rows, LineageWalkCache walks, OnLabelConfig config,
            Vocabularies vocabularies) {
        this.rows = rows;
        this.walks = walks;
        this.config = config;
        this.diseases = vocabularies.diseases();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Facts.Dataset assemble(String key, Viewer viewer, LicenseAttributeTable licenses) {
        int maxNodes = config.lineage().maxNodes();
        List<LineageFactsRepository.Row> walked = walks.walk(key, viewer, config.lineage().maxDepth(), maxNodes + 1);
        if (walked.isEmpty()) {
            throw ApiException.notFound("Dataset '" + key + "'");
        }
        return of(key, walked, maxNodes, evaluatedOnce(licenses));
    }

    /**
     * The facts of each of these datasets as {@link #assemble} gives them, from one recursive query for all of
     * them (stored verdicts recompute a batch of datasets at once). A dataset the viewer may not see has no entry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Facts.Dataset> assembleAll(java.util.Collection<String> keys, Viewer viewer,
            LicenseAttributeTable licenses) {
        int maxNodes = config.lineage().maxNodes();
        int maxDepth = config.lineage().maxDepth();
        Map<String, Facts.Dataset> assembled = new LinkedHashMap<>();
        // a batch's datasets share most of their ancestors: each license expression is evaluated once for the batch
        java.util.function.Function<String, Facts.License> license = evaluatedOnce(licenses);
        // The worker follows the writes: most datasets of a batch were just created, and their walks can be made
        // from their parents' kept walks (a chain's links one after the other), where the batch walk would read
        // the whole chain again in PostgreSQL for every link. Only the others are walked.
        Map<String, List<LineageFactsRepository.Row>> fromMemory = walks.fromMemory(keys, viewer, maxDepth, maxNodes + 1);
        List<String> toWalk = new ArrayList<>();
        for (String key : keys) {
            List<LineageFactsRepository.Row> walked = fromMemory.get(key);
            if (walked == null) {
                toWalk.add(key);
            } else if (!walked.isEmpty()) {
                assembled.put(key, of(key, walked, maxNodes, license));
            }
        }
        if (toWalk.size() <= WALKED_ONE_BY_ONE) {
            // a few datasets: each walk made from its parent's (walked once and kept), one short query each
            for (String key : toWalk) {
                List<LineageFactsRepository.Row> walked = walks.walk(key, viewer, maxDepth, maxNodes + 1);
                if (!walked.isEmpty()) {
                    assembled.put(key, of(key, walked, maxNodes, license));
                }
            }
            return assembled;
        }
        assembled.putAll(walkedInOne(toWalk, viewer, license));
        return assembled;
    }

    /** The facts of each of these datasets from one recursive query for all of them, without the walk cache. */
    Map<String, Facts.Dataset> walkedInOne(java.util.Collection<String> keys, Viewer viewer,
            java.util.function.Function<String, Facts.License> license) {
        int maxNodes = config.lineage().maxNodes();
        Map<String, Facts.Dataset> assembled = new LinkedHashMap<>();
        rows.walkAll(keys, viewer, config.lineage().maxDepth(), maxNodes + 1)
                .forEach((key, walked) -> assembled.put(key, of(key, walked, maxNodes, license)));
        return assembled;
    }

    /** {@link #walkedInOne} for tests: the batch walk alone, as a batch of datasets nobody walked gets it. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<String, Facts.Dataset> assembleAllWalked(java.util.Collection<String> keys, Viewer viewer,
            LicenseAttributeTable licenses) {
        return walkedInOne(keys, viewer, evaluatedOnce(licenses));
    }

    private Facts.Dataset of(String key, List<LineageFactsRepository.Row> walked, int maxNodes,
            java.util.function.Function<String, Facts.License> licenses) {
        boolean truncated = walked.size() > maxNodes;
        if (truncated) {
            walked = walked.subList(0, maxNodes);
        } else {
            truncated = walked.stream().anyMatch(LineageFactsRepository.Row::hasParentsBeyond);
        }
        Map<String, LineageFactsRepository.Row> byKey = new LinkedHashMap<>();
        List<LineageGraph.Edge> edges = new ArrayList<>();
        for (LineageFactsRepository.Row row : walked) {
            byKey.put(row.key(), row);
            row.facts().parents().forEach(p -> edges.add(new LineageGraph.Edge(p, row.key())));
        }
        LineageGraph graph = new LineageGraph(key, byKey.keySet(), edges);
        Map<String, List<String>> paths = graph.upstreamPaths();
        List<Facts.Node> lineage = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : paths.entrySet()) {
            lineage.add(node(byKey.get(e.getKey()), e.getValue(), graph.parentsOf(e.getKey()), licenses, diseases));
        }
        if (truncated) {
            // what lies beyond the walk's limits is unknown, like an unregistered source: checks say UNKNOWN
            lineage.add(new Facts.Node(BEYOND_LIMIT, List.of(key, BEYOND_LIMIT), List.of(), false, null, null, null,
                    null, null, null));
        }
        List<Facts.HistoryStep> history = new ArrayList<>();
        for (String dataset : graph.sourcesToRoot()) {
            List<LineageFactsRepository.Step> steps = byKey.get(dataset).facts().steps();
            for (int i = 0; i < steps.size(); i++) {
                history.add(new Facts.HistoryStep(dataset, i, steps.get(i).step(), steps.get(i).parameters(), paths.get(dataset)));
            }
        }
        LineageFactsRepository.Projection root = byKey.get(key).facts();
        var r = root.representation();
        Facts.Representation representation = r == null ? new Facts.Representation(null, null, null, null, null)
                : new Facts.Representation(r.domain(), r.complex(), r.coils(), r.compression(), r.bitDepth());
        return new Facts.Dataset(key, representation, root.intendedUses(), history, lineage);
    }

    private static Facts.Node node(LineageFactsRepository.Row d, List<String> path, List<String> parents,
            java.util.function.Function<String, Facts.License> licenses, DiseaseOntology diseases) {
        LineageFactsRepository.Projection f = d.facts();
        return new Facts.Node(d.key(), path, parents, d.registered(), d.status(), licenses.apply(d.license()),
                f.dataUse().stream().map(u -> new Facts.DataUse(u.code(), u.disease(), disease(u.disease(), diseases))).toList(),
                f.contraindications().stream().map(c -> new Facts.Contraindication(c.task(), c.reason())).toList(),
                f.vendors(), f.sites(), d.title(), f.modalities());
    }

    /** The vocabulary's term for a disease name, with its closure; null when the name is not (only) one term. */
    public static Facts.Disease disease(String name, DiseaseOntology diseases) {
        return diseases.find(name).map(t -> {
            Set<String> isA = new LinkedHashSet<>(List.of(t.id()));
            isA.addAll(diseases.ancestorsOf(t.id()));
            return new Facts.Disease(t.id(), t.label(), isA);
        }).orElse(null);
    }

    /** A lineage names few distinct license expressions: each is parsed and evaluated once per assembly or batch. */
    private static java.util.function.Function<String, Facts.License> evaluatedOnce(LicenseAttributeTable licenses) {
        Map<String, Facts.License> evaluated = new java.util.HashMap<>();
        return expression -> evaluated.computeIfAbsent(expression, e -> license(e, licenses));
    }

    static Facts.License license(String expression, LicenseAttributeTable licenses) {
        if (expression == null) {
            return Facts.License.NONE;
        }
        LicenseAttributes a;
        try {
            a = EvaluatedLicense.of(LicenseExpression.parse(expression), licenses).attributes();
        } catch (InvalidLicenseExpressionException storedBeforeValidation) {
            a = LicenseAttributes.UNKNOWN;
        }
        return new Facts.License(expression, a.commercialUse(), a.derivatives(), a.shareAlike(), a.attribution());
    }
}
