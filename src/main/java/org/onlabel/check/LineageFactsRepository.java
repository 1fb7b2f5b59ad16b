package org.onlabel.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onlabel.common.db.PgArrays;
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

    /**
     * The columns of a walked dataset {@code d} the rules read, projected as one small JSON object (the
     * {@link Projection}); {@code parents} is the SQL of its parents' keys and {@code root} the SQL condition that
     * it is a root of the walk (representation and intended uses are read for the root only).
     */
    private static String facts(String parents, String root) {
        return """
                CAST(jsonb_build_object(
                    'dataUse', d.data_use,
                    'contraindications', d.contraindications,
                    'vendors', d.cohort -> 'vendors',
                    'sites', d.cohort -> 'sites',
                    'modalities', to_jsonb(d.modalities),
                    'parents', %s,
                    'steps', (SELECT jsonb_agg(jsonb_build_object('step', s.step, 'parameters', s.parameters)
                                               ORDER BY s.ordinal)
                              FROM preprocessing_step s WHERE s.dataset_id = d.id),
                    'representation', CASE WHEN %s THEN d.representation END,
                    'intendedUses', CASE WHEN %s THEN jsonb_path_query_array(d.intended_uses, '$[*].task') END
                ) AS text)""".formatted(parents, root, root);
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
                   %s,
                   k.depth = :maxDepth AND EXISTS (SELECT 1 FROM derivation b WHERE b.child_id = k.id)
            FROM kept k
            CROSS JOIN LATERAL (SELECT * FROM dataset x WHERE x.id = k.id OFFSET 0) d
            ORDER BY k.depth, k.key""".formatted(facts("""
            (SELECT jsonb_agg(p.key ORDER BY dv.ordinal, dv.parent_id) FROM derivation dv JOIN kept p ON p.id = dv.parent_id
                                WHERE dv.child_id = k.id)""", "k.depth = 0"));

    /**
     * Every dataset the viewer may see in the ancestry of several roots, each ONCE however many roots and paths
     * reach it and at whatever depth (a walk of (dataset, depth) pairs per root, as {@link #WALK} does, reads a
     * dataset again for every root and every distinct path length: for the first batch of 50 of the benchmark's
     * 100k catalog, 12,545 rows for 1,093 datasets). Its visible parents are its {@code parent_ids} that the walk
     * reached; each root's depths, limits and order are then computed from them ({@link #walkAll}). The walk has no
     * depth bound (an id-only walk cannot carry one): an ancestry deeper than max-depth is read whole and cut per
     * root afterwards. Rows come in key order, the database's order of keys, which {@link #WALK} sorts by.
     */
    private static final String WALK_MANY = """
            WITH RECURSIVE root AS (
                SELECT id FROM dataset
                WHERE key IN (:keys) AND (:all OR visibility = 'public' OR organization IN (:orgs))
            ), walk(id) AS (
                SELECT id FROM root
                UNION
                SELECT dv.parent_id
                FROM walk w
                JOIN derivation dv ON dv.child_id = w.id
                JOIN dataset n ON n.id = dv.parent_id
                WHERE :all OR n.visibility = 'public' OR n.organization IN (:orgs)
            )
            SELECT d.id, d.key, d.id IN (SELECT id FROM root), d.registered, d.status, d.license, d.title,
                   %s,
                   (SELECT CAST(array_agg(dv.parent_id ORDER BY dv.ordinal, dv.parent_id) AS text)
                    FROM derivation dv WHERE dv.child_id = d.id)
            FROM walk w
            CROSS JOIN LATERAL (SELECT * FROM dataset x WHERE x.id = w.id OFFSET 0) d
            ORDER BY d.key""".formatted(facts("NULL", "d.id IN (SELECT id FROM root)"));

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
     * A root the viewer may not see, or that does not exist, has no entry. The statement reads each dataset of
     * the batch's ancestries once ({@link #WALK_MANY}); each root's walk is then a breadth-first search over those
     * datasets' parents, which gives every dataset its shortest depth, as {@link #walk}'s min(depth) does.
     */
    public Map<String, List<Row>> walkAll(Collection<String> keys, Viewer viewer, int maxDepth, int limit) {
        Map<String, List<Row>> walks = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return walks;
        }
        List<?> result = em.createNativeQuery(WALK_MANY)
                .setParameter("keys", List.copyOf(keys))
                .setParameter("all", viewer.seesEverything()).setParameter("orgs", viewer.organizationsForSql())
                .getResultList();
        Map<Long, Reached> reached = new HashMap<>(result.size() * 2);
        List<Reached> roots = new ArrayList<>();
        for (Object r : result) {
            Object[] c = (Object[]) r;
            Reached node = new Reached(((Number) c[0]).longValue(), reached.size(), new Row((String) c[1], 0,
                    (Boolean) c[3], (String) c[4], (String) c[5], (String) c[6], projection((String) c[7]), false),
                    PgArrays.longs((String) c[8]));
            reached.put(node.id(), node);
            if (Boolean.TRUE.equals(c[2])) {
                roots.add(node);
            }
        }
        for (Reached root : roots) {
            walks.put(root.row().key(), walkFrom(root, reached, maxDepth, limit));
        }
        return walks;
    }

    /** A dataset of a batch walk: its position in key order, its row as a root, and all its parents' ids. */
    private record Reached(long id, int rank, Row row, long[] parents) {
    }

    private static List<Row> walkFrom(Reached root, Map<Long, Reached> reached, int maxDepth, int limit) {
        Map<Long, Integer> depths = new HashMap<>();
        List<Reached> order = new ArrayList<>();
        depths.put(root.id(), 0);
        order.add(root);
        for (int next = 0; next < order.size(); next++) {
            Reached node = order.get(next);
            int depth = depths.get(node.id());
            if (depth == maxDepth) {
                continue;
            }
            for (long parent : node.parents()) {
                Reached p = reached.get(parent);
                // a parent the walk did not reach is one the viewer may not see: not walked, as in WALK
                if (p != null && depths.putIfAbsent(parent, depth + 1) == null) {
                    order.add(p);
                }
            }
        }
        order.sort(Comparator.comparingInt((Reached n) -> depths.get(n.id())).thenComparingInt(Reached::rank));
        List<Reached> kept = order.subList(0, Math.min(limit, order.size()));
        Map<Long, String> keptKeys = new HashMap<>(kept.size() * 2);
        kept.forEach(n -> keptKeys.put(n.id(), n.row().key()));
        List<Row> rows = new ArrayList<>(kept.size());
        for (Reached n : kept) {
            int depth = depths.get(n.id());
            List<String> parents = new ArrayList<>();
            for (long parent : n.parents()) {
                String key = keptKeys.get(parent);
                if (key != null) {
                    parents.add(key);
                }
            }
            Row own = n.row();
            Projection f = own.facts();
            boolean isRoot = n == root;
            rows.add(new Row(own.key(), depth, own.registered(), own.status(), own.license(), own.title(),
                    new Projection(f.dataUse(), f.contraindications(), f.vendors(), f.sites(), f.modalities(), parents,
                            f.steps(), isRoot ? f.representation() : null, isRoot ? f.intendedUses() : List.of()),
                    depth == maxDepth && n.parents().length > 0));
        }
        return rows;
    }

    private Projection projection(String json) {
        try {
            return mapper.readValue(json, Projection.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored facts are unreadable", e);
        }
    }
}
