package org.onlabel.interop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.onlabel.check.CheckService;
import org.onlabel.license.EvaluatedLicense;
import org.onlabel.license.InvalidLicenseExpressionException;
import org.onlabel.license.LicenseAttributeTable;
import org.onlabel.license.LicenseExpression;
import org.onlabel.license.LicenseService;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.security.Caller;
import org.onlabel.dataset.DatasetResponse;
import org.onlabel.dataset.DatasetService;
import org.onlabel.provenance.Lineage;
import org.onlabel.provenance.LineageNode;
import org.onlabel.provenance.ProvenanceService;
import org.onlabel.publication.PublicationService;

/** Gathers a {@link DatasetDossier} through the other slices' services, so that every visibility rule applies. */
@ApplicationScoped
public class DossierService {
    private final DatasetService datasets;
    private final ProvenanceService provenance;
    private final CheckService checks;
    private final PublicationService publications;
    private final OnLabelConfig config;
    private final LicenseService licenses;

    public DossierService(DatasetService datasets, ProvenanceService provenance, CheckService checks,
            PublicationService publications, OnLabelConfig config, LicenseService licenses) {
        this.licenses = licenses;
        this.datasets = datasets;
        this.provenance = provenance;
        this.checks = checks;
        this.publications = publications;
        this.config = config;
    }

    @Transactional
    public DatasetDossier of(Caller caller, String key) {
        DatasetResponse dataset = datasets.get(caller, key).dataset();
        long id = datasets.resolve(caller, key).orElseThrow(() -> ApiException.notFound("Dataset '" + key + "'")).id();
        Lineage down = provenance.lineage(caller, key, "downstream", 1, config.lineage().maxNodes());
        Lineage up = provenance.lineage(caller, key, "upstream", config.lineage().maxDepth(), config.lineage().maxNodes());
        java.util.Set<String> parentKeys = new java.util.HashSet<>();
        dataset.derivedFrom().forEach(p -> parentKeys.add(p.key()));
        List<DatasetResponse> parents = new ArrayList<>();
        List<DatasetResponse> ancestors = new ArrayList<>();
        for (LineageNode n : up.nodes()) {
            if (n.depth() > 0 && describable(n)) {
                DatasetResponse ancestor = datasets.get(caller, n.key()).dataset();
                ancestors.add(ancestor);
                if (parentKeys.contains(n.key())) {
                    parents.add(ancestor);
                }
            }
        }
        List<DatasetResponse> children = new ArrayList<>();
        for (LineageNode n : down.nodes()) {
            if (n.depth() == -1 && describable(n)) {
                children.add(datasets.get(caller, n.key()).dataset());
            }
        }
        var own = publications.ofDataset(caller, id);
        LicenseAttributeTable table = licenses.table();
        List<DatasetDossier.Source> sources = new ArrayList<>();
        sources.add(source(dataset, own, table));
        for (DatasetResponse ancestor : ancestors) {
            long ancestorId = datasets.resolve(caller, ancestor.key()).orElseThrow().id();
            sources.add(source(ancestor, publications.ofDataset(caller, ancestorId), table));
        }
        return new DatasetDossier(dataset, parents, children, ancestors, provenance.history(caller, key),
                checks.label(caller, key), own, sources);
    }

    private static DatasetDossier.Source source(DatasetResponse d, List<PublicationService.LinkedPublication> papers,
            LicenseAttributeTable table) {
        Boolean attribution = null;
        if (d.license() != null) {
            try {
                attribution = EvaluatedLicense.of(LicenseExpression.parse(d.license()), table).attributes().attribution();
            } catch (InvalidLicenseExpressionException storedBeforeValidation) {
                attribution = null;
            }
        }
        return new DatasetDossier.Source(d, attribution, howToAcknowledge(d.extras()), papers);
    }

    /** The publisher's acknowledgement text, as a BIDS dataset_description.json states it. */
    static String howToAcknowledge(java.util.Map<String, Object> extras) {
        if (extras == null) {
            return null;
        }
        Object direct = extras.get("HowToAcknowledge");
        if (direct instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        if (extras.get("bids") instanceof java.util.Map<?, ?> bids && bids.get("HowToAcknowledge") instanceof String s
                && !s.isBlank()) {
            return s.strip();
        }
        return null;
    }

    /** Registered and not removed: a dataset with a record to describe (lineage lists only what the caller sees). */
    private static boolean describable(LineageNode node) {
        return node.registered() && !"removed".equals(node.status());
    }
}
