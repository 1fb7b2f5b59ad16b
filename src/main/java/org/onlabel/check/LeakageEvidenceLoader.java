package org.onlabel.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.onlabel.check.rules.Facts;
import org.onlabel.provenance.PartitionRepository;
import org.onlabel.provenance.manifest.ManifestRepository;

/**
 * Adds the leakage evidence to the assembled facts of a check: the partitions declared along each dataset's
 * (visible) lineage and the manifest comparisons between the check's datasets. Kept apart from
 * {@link FactsAssembler}: it concerns the datasets of a check together, not one dataset's lineage.
 */
@ApplicationScoped
public class LeakageEvidenceLoader {
    private final PartitionRepository partitions;
    private final ManifestRepository manifests;

    public LeakageEvidenceLoader(PartitionRepository partitions, ManifestRepository manifests) {
        this.partitions = partitions;
        this.manifests = manifests;
    }

    /** Only checks with two or more datasets in evaluation roles can leak; the others are returned as they are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Facts.Roled> enrich(List<Facts.Roled> roled) {
        long evaluated = roled.stream().filter(r -> !"any".equals(r.role())).count();
        if (evaluated < 2) {
            return roled;
        }
        Set<String> lineageKeys = new LinkedHashSet<>();
        Set<String> checked = new LinkedHashSet<>();
        roled.forEach(r -> {
            checked.add(r.dataset().key());
            r.dataset().lineage().forEach(n -> lineageKeys.add(n.key()));
        });
        List<PartitionRepository.Declared> declared = partitions.ofKeys(lineageKeys);
        List<ManifestRepository.PairRow> pairs = manifests.pairs(checked);
        List<Facts.Roled> out = new ArrayList<>();
        for (Facts.Roled r : roled) {
            Set<String> mine = new LinkedHashSet<>();
            r.dataset().lineage().forEach(n -> mine.add(n.key()));
            List<Facts.Partition> ownPartitions = declared.stream().filter(d -> mine.contains(d.dataset()))
                    .map(d -> new Facts.Partition(d.dataset(), d.partition().dataset(), d.partition().scheme(),
                            d.partition().part(), d.partition().disjointBy()))
                    .toList();
            List<Facts.ManifestOverlap> overlaps = pairs.stream().filter(p -> p.dataset().equals(r.dataset().key()))
                    .map(p -> new Facts.ManifestOverlap(p.other(), p.level(), p.salt(), p.shared(), p.count(),
                            p.otherCount()))
                    .toList();
            out.add(new Facts.Roled(r.role(), r.dataset().withLeakageEvidence(ownPartitions, overlaps)));
        }
        return out;
    }
}
