package org.onlabel.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onlabel.common.security.Viewer;
import org.onlabel.dataset.Contraindication;
import org.onlabel.dataset.DataUseCondition;
import org.onlabel.dataset.Representation;

/**
 * The facts of a dataset and of every ancestor the viewer may see, in ONE recursive query: the walk (bounded like
 * {@code ProvenanceRepository.walk}: depth, node count, visibility), and for each dataset reached only the columns
 * the rules read, its parents among the reached datasets and its steps, projected as one small JSON object. No
 * entity is built; a dataset the viewer may not see yields no rows at all.
 */
@ApplicationScoped
public class LineageFactsRepository {
    /** One dataset of the walk; {@code hasParentsBeyond} says it is at the depth limit and has parents. */
    public record Row(String key, int depth, boolean registered, String status, String license, String title,
            Projection facts, boolean hasParentsBeyond) {
    }

    /** The JSON part of a row; {@code representation} and {@code intendedUses} are given for the root only. */
    public record Projection(List<DataUseCondition> dataUse, List<Contraindication> contraindications,
            List<String> vendors, List<String> sites, List<String> modalities, List<String> parents,
            List<Step> steps, Representation representation, List<String> intendedUses) {
        public Projection {
            dataUse = dataUse == null ? List.of() : dataUse;
            contraindications = contraindications == null ? List.of() : contraindications;
            parents = parents == null ? List.of() : parents;
            steps = steps == null ? List.of() : steps;
            intendedUses = intendedUses == null ? List.of() : intendedUses;
        }
    }

    public record Step(String step, Map<String, Object> parameters) {
    }

    private static final String WALK = """
            WITH RECURSIVE root AS (
                SELECT id FROM dataset
                WHERE key = :key AND (:all OR visibility = 'public' OR organization IN (:orgs))
            ), walk(id, depth) AS (
                SELECT id, 0 FROM root
                UNION
                SELECT dv.parent_id, w.depth + 1
                FROM walk w
                JOIN derivation dv ON dv.child_id = w.id
                JOIN dataset n ON n.id = dv.parent_id
                WHERE w.depth < :maxDepth
                  AND (:all OR n.visibility = 'public' OR n.organization IN (:orgs))
            ), reached AS (
                SELECT id, min(depth) AS depth FROM walk GROUP BY id
            ), kept AS (
                SELECT d.id, d.key, r.depth
                FROM reached r
                CROSS JOIN LATERAL (SELECT x.id, x.key FROM dataset x WHERE x.id = r.id OFFSET 0) d
                ORDER BY r.depth, d.key
                LIMIT :limit
            )
            SELECT k.key, k.depth, d.registered, d.status, d.license, d.title,
                   CAST(jsonb_build_object(
                       'dataUse', d.data_use,
                       'contraindications', d.contraindications,
                       'vendors', d.cohort -> 'vendors',
                       'sites', d.cohort -> 'sites',
                       'modalities', to_jsonb(d.modalities),
                       'parents', (SELECT jsonb_agg(p.key) FROM derivation dv JOIN kept p ON p.id = dv.parent_id
                                   WHERE dv.child_id = k.id),
                       'steps', (SELECT jsonb_agg(jsonb_build_object('step', s.step, 'parameters', s.parameters)
                                                  ORDER BY s.ordinal)
                                 FROM preprocessing_step s WHERE s.dataset_id = k.id),
                       'representation', CASE WHEN k.depth = 0 THEN d.representation END,
                       'intendedUses', CASE WHEN k.depth = 0 THEN jsonb_path_query_array(d.intended_uses, '$[*].task') END
                   ) AS text),
                   k.depth = :maxDepth AND EXISTS (SELECT 1 FROM derivation b WHERE b.child_id = k.id)
            FROM kept k
            CROSS JOIN LATERAL (SELECT * FROM dataset x WHERE x.id = k.id OFFSET 0) d
            ORDER BY k.depth, k.key""";

    /**
     * {@link #WALK} for several roots at once, seen by one viewer: the same walk per root (a dataset reached from
     * two roots is a row of each), its node limit applied per root, the root's key first in each row.
     */
    private static final String WALK_MANY = """
            WITH RECURSIVE root AS (
                SELECT id FROM dataset
                WHERE key IN (:keys) AND (:all OR visibility = 'public' OR organization IN (:orgs))
            ), walk(root, id, depth) AS (
                SELECT id, id, 0 FROM root
                UNION
                SELECT w.root, dv.parent_id, w.depth + 1
                FROM walk w
                JOIN derivation dv ON dv.child_id = w.id
                JOIN dataset n ON n.id = dv.parent_id
                WHERE w.depth < :maxDepth
                  AND (:all OR n.visibility = 'public' OR n.organization IN (:orgs))
            ), reached AS (
                SELECT root, id, min(depth) AS depth FROM walk GROUP BY root, id
            ), kept AS (
                SELECT root, id, key, depth FROM (
                    SELECT r.root, d.id, d.key, r.depth,
                           row_number() OVER (PARTITION BY r.root ORDER BY r.depth, d.key) AS n
                    FROM reached r
                    CROSS JOIN LATERAL (SELECT x.id, x.key FROM dataset x WHERE x.id = r.id OFFSET 0) d) numbered
                WHERE n <= :limit
            ), parents AS (
                -- one hash join for the whole batch: a subquery per row would scan every root's kept rows
                SELECT k.root, k.id, jsonb_agg(p.key) AS keys
                FROM kept k
                JOIN derivation dv ON dv.child_id = k.id
                JOIN kept p ON p.id = dv.parent_id AND p.root = k.root
                GROUP BY k.root, k.id
            )
            SELECT rk.key, k.key, k.depth, d.registered, d.status, d.license, d.title,
                   CAST(jsonb_build_object(
                       'dataUse', d.data_use,
                       'contraindications', d.contraindications,
                       'vendors', d.cohort -> 'vendors',
                       'sites', d.cohort -> 'sites',
                       'modalities', to_jsonb(d.modalities),
                       'parents', pa.keys,
                       'steps', (SELECT jsonb_agg(jsonb_build_object('step', s.step, 'parameters', s.parameters)
                                                  ORDER BY s.ordinal)
                                 FROM preprocessing_step s WHERE s.dataset_id = k.id),
                       'representation', CASE WHEN k.depth = 0 THEN d.representation END,
                       'intendedUses', CASE WHEN k.depth = 0 THEN jsonb_path_query_array(d.intended_uses, '$[*].task') END
                   ) AS text),
                   k.depth = :maxDepth AND EXISTS (SELECT 1 FROM derivation b WHERE b.child_id = k.id)
            FROM kept k
            JOIN dataset rk ON rk.id = k.root
            LEFT JOIN parents pa ON pa.root = k.root AND pa.id = k.id
            CROSS JOIN LATERAL (SELECT * FROM dataset x WHERE x.id = k.id OFFSET 0) d
            ORDER BY rk.key, k.depth, k.key""";

    private final EntityManager em;
    private final ObjectMapper mapper;

    public LineageFactsRepository(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** The root first, then the ancestors by depth and key; at most {@code limit} rows. */
    public List<Row> walk(String key, Viewer viewer, int maxDepth, int limit) {
        List<?> result = em.createNativeQuery(WALK)
                .setParameter("key", key).setParameter("maxDepth", maxDepth).setParameter("limit", limit)
                .setParameter("all", viewer.seesEverything()).setParameter("orgs", viewer.organizationsForSql())
                .getResultList();
        List<Row> rows = new ArrayList<>(result.size());
        for (Object r : result) {
            Object[] c = (Object[]) r;
            rows.add(new Row((String) c[0], ((Number) c[1]).intValue(), (Boolean) c[2], (String) c[3], (String) c[4],
                    (String) c[5], projection((String) c[6]), Boolean.TRUE.equals(c[7])));
        }
        return rows;
    }

    /**
     * {@link #walk} of each of these roots in one statement: root key → its rows, in the order of {@link #walk}.
     * A root the viewer may not see, or that does not exist, has no entry.
     */
    public Map<String, List<Row>> walkAll(Collection<String> keys, Viewer viewer, int maxDepth, int limit) {
        Map<String, List<Row>> walks = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return walks;
        }
        List<?> result = em.createNativeQuery(WALK_MANY)
                .setParameter("keys", List.copyOf(keys)).setParameter("maxDepth", maxDepth).setParameter("limit", limit)
                .setParameter("all", viewer.seesEverything()).setParameter("orgs", viewer.organizationsForSql())
                .getResultList();
        for (Object r : result) {
            Object[] c = (Object[]) r;
            walks.computeIfAbsent((String) c[0], k -> new ArrayList<>()).add(new Row((String) c[1],
                    ((Number) c[2]).intValue(), (Boolean) c[3], (String) c[4], (String) c[5], (String) c[6],
                    projection((String) c[7]), Boolean.TRUE.equals(c[8])));
        }
        return walks;
    }

    private Projection projection(String json) {
        try {
            return mapper.readValue(json, Projection.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored facts are unreadable", e);
        }
    }
}
