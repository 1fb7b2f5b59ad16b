package org.onlabel.provenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Declared partitions (table dataset_partition): written once with the rest of a dataset's provenance. */
@ApplicationScoped
public class PartitionRepository {
    private final EntityManager em;

    public PartitionRepository(EntityManager em) {
        this.em = em;
    }

    public void insert(long datasetId, long parentId, PartitionOf partition) {
        em.createNativeQuery("""
                INSERT INTO dataset_partition (dataset_id, parent_id, scheme, part, disjoint_by)
                VALUES (:d, :p, :s, :part, :by)""")
                .setParameter("d", datasetId).setParameter("p", parentId).setParameter("s", partition.scheme())
                .setParameter("part", partition.part()).setParameter("by", partition.disjointBy()).executeUpdate();
    }

    /** The partitions these datasets (by key) declared, with keys rather than ids. */
    public java.util.List<Declared> ofKeys(Collection<String> keys) {
        java.util.List<Declared> out = new java.util.ArrayList<>();
        if (keys.isEmpty()) {
            return out;
        }
        for (Object r : em.createNativeQuery("""
                SELECT c.key, p.key, dp.scheme, dp.part, dp.disjoint_by
                FROM dataset_partition dp JOIN dataset c ON c.id = dp.dataset_id JOIN dataset p ON p.id = dp.parent_id
                WHERE c.key = ANY(CAST(:keys AS text[]))""")
                .setParameter("keys", keys.stream().map(k -> '"' + k + '"').collect(Collectors.joining(",", "{", "}")))
                .getResultList()) {
            Object[] c = (Object[]) r;
            out.add(new Declared((String) c[0], new PartitionOf((String) c[1], (String) c[2], (String) c[3],
                    (String) c[4])));
        }
        return out;
    }

    /** A dataset's key and the partition it declared. */
    public record Declared(String dataset, PartitionOf partition) {
    }

    /** The partition each of these datasets declared, by dataset id (datasets that declared none are absent). */
    public Map<Long, PartitionOf> of(Collection<Long> ids) {
        Map<Long, PartitionOf> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Object r : em.createNativeQuery("""
                SELECT dp.dataset_id, p.key, dp.scheme, dp.part, dp.disjoint_by
                FROM dataset_partition dp JOIN dataset p ON p.id = dp.parent_id
                WHERE dp.dataset_id = ANY(CAST(:ids AS bigint[]))""")
                .setParameter("ids", ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .getResultList()) {
            Object[] c = (Object[]) r;
            out.put(((Number) c[0]).longValue(), new PartitionOf((String) c[1], (String) c[2], (String) c[3],
                    (String) c[4]));
        }
        return out;
    }
}
