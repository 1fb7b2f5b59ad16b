package org.onlabel.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.onlabel.check.rules.Facts;
import org.onlabel.common.security.Viewer;
import org.onlabel.dataset.Cohort;
import org.onlabel.dataset.Dataset;
import org.onlabel.dataset.DatasetRepository;
import org.onlabel.license.EvaluatedLicense;
import org.onlabel.license.InvalidLicenseExpressionException;
import org.onlabel.license.LicenseAttributeTable;
import org.onlabel.license.LicenseAttributes;
import org.onlabel.license.LicenseExpression;
import org.onlabel.provenance.PreprocessingStep;
import org.onlabel.provenance.ProvenanceService;
import org.onlabel.vocabulary.DiseaseOntology;
import org.onlabel.vocabulary.Vocabularies;

/**
 * Gathers the facts the rule engine reasons over for one dataset: its own, and those of every ancestor the viewer
 * may see (one recursive lineage query, one query for the datasets, one for their steps).
 */
@ApplicationScoped
public class FactsAssembler {
    /** Stands for the ancestors beyond the lineage limits (onlabel.lineage.max-depth / max-nodes). */
    static final String BEYOND_LIMIT = "(ancestors beyond the lineage limit)";

    private final ProvenanceService provenance;
    private final DatasetRepository datasets;
    private final DiseaseOntology diseases;

    public FactsAssembler(ProvenanceService provenance, DatasetRepository datasets, Vocabularies vocabularies) {
        this.provenance = provenance;
        this.datasets = datasets;
        this.diseases = vocabularies.diseases();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Facts.Dataset assemble(String key, Viewer viewer, LicenseAttributeTable licenses) {
        ProvenanceService.Upstream up = provenance.upstream(key, viewer);
        Map<String, Dataset> byKey = new HashMap<>();
        for (Dataset d : datasets.listForRead(up.idOf().values())) {
            byKey.put(d.key, d);
        }
        Map<String, List<String>> paths = up.graph().upstreamPaths();
        List<Facts.Node> lineage = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : paths.entrySet()) {
            lineage.add(node(byKey.get(e.getKey()), e.getValue(), up.graph().parentsOf(e.getKey()), licenses, diseases));
        }
        if (up.truncated()) {
            // what lies beyond the walk's limits is unknown, like an unregistered source: checks say UNKNOWN
            lineage.add(new Facts.Node(BEYOND_LIMIT, List.of(key, BEYOND_LIMIT), List.of(), false, null, null, null,
                    null, null, null));
        }
        List<Facts.HistoryStep> history = new ArrayList<>();
        for (String dataset : up.graph().sourcesToRoot()) {
            List<PreprocessingStep> steps = up.steps().getOrDefault(up.idOf().get(dataset), List.of());
            for (int i = 0; i < steps.size(); i++) {
                history.add(new Facts.HistoryStep(dataset, i, steps.get(i).step(), steps.get(i).parameters(), paths.get(dataset)));
            }
        }
        Dataset root = byKey.get(key);
        var r = root.representation;
        Facts.Representation representation = r == null ? new Facts.Representation(null, null, null, null, null)
                : new Facts.Representation(r.domain(), r.complex(), r.coils(), r.compression(), r.bitDepth());
        List<String> intended = root.intendedUses.stream().map(u -> u.task()).toList();
        return new Facts.Dataset(key, representation, intended, history, lineage);
    }

    private static Facts.Node node(Dataset d, List<String> path, List<String> parents, LicenseAttributeTable licenses,
            DiseaseOntology diseases) {
        Cohort cohort = d.cohort;
        return new Facts.Node(d.key, path, parents, d.registered, d.status, license(d.license, licenses),
                d.dataUse.stream().map(u -> new Facts.DataUse(u.code(), u.disease(), disease(u.disease(), diseases))).toList(),
                d.contraindications.stream().map(c -> new Facts.Contraindication(c.task(), c.reason())).toList(),
                cohort == null ? List.of() : cohort.vendors(), cohort == null ? List.of() : cohort.sites(), d.title,
                d.modalities);
    }

    /** The vocabulary's term for a disease name, with its closure; null when the name is not (only) one term. */
    public static Facts.Disease disease(String name, DiseaseOntology diseases) {
        return diseases.find(name).map(t -> {
            Set<String> isA = new LinkedHashSet<>(List.of(t.id()));
            isA.addAll(diseases.ancestorsOf(t.id()));
            return new Facts.Disease(t.id(), t.label(), isA);
        }).orElse(null);
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
