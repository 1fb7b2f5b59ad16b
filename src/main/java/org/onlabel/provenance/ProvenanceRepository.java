package org.onlabel.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.onlabel.common.security.Viewer;

/**
 * Provenance in PostgreSQL. Lineage is walked by one recursive query bounded by depth and node count; it touches
 * only the rows of the lineage itself (index on derivation from either side), so its cost does not grow with the
 * rest of the catalog. Datasets the viewer may not see are not walked through.
 */
@ApplicationScoped
public class ProvenanceRepository {
    public enum Direction { UPSTREAM, DOWNSTREAM }

    /** A dataset reached by a walk, at its smallest depth. */
    public record NodeRow(long id, String key, String title, int depth, boolean registered, String status,
            String organization) {
    }

    public record EdgeRow(long parentId, long childId) {
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final EntityManager em;
    private final ObjectMapper mapper;

    public ProvenanceRepository(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public void insertParents(long childId, List<Long> parentIds, List<String> parentVersions) {
        for (int i = 0; i < parentIds.size(); i++) {
            em.createNativeQuery("INSERT INTO derivation (child_id, parent_id, parent_version, ordinal) VALUES (:c, :p, :v, :o)")
                    .setParameter("c", childId).setParameter("p", parentIds.get(i))
                    .setParameter("v", parentVersions.get(i)).setParameter("o", i)
                    .executeUpdate();
        }
    }

    public void insertSteps(long datasetId, List<PreprocessingStep> steps) {
        for (int i = 0; i < steps.size(); i++) {
            PreprocessingStep s = steps.get(i);
            em.createNativeQuery("INSERT INTO preprocessing_step (dataset_id, ordinal, step, parameters, software, description, run_id)"
                            + " VALUES (:d, :o, :s, CAST(:p AS jsonb), CAST(:sw AS jsonb), :desc, :run)")
                    .setParameter("d", datasetId).setParameter("o", i).setParameter("s", s.step())
                    .setParameter("p", json(s.parameters())).setParameter("sw", s.software() == null ? null : json(s.software()))
                    .setParameter("desc", s.description()).setParameter("run", s.runId())
                    .executeUpdate();
        }
    }

    /** The id of the dataset with this key, if the viewer may see it. */
    public java.util.Optional<Long> visibleId(String key, Viewer viewer) {
        List<?> ids = em.createNativeQuery("""
                SELECT id FROM dataset
                WHERE key = :key AND (:all OR visibility = 'public' OR organization IN (:orgs))""")
                .setParameter("key", key).setParameter("all", viewer.seesEverything())
                .setParameter("orgs", viewer.organizationsForSql()).getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /**
     * Serialises derivation writes until the transaction ends. Two transactions that each add an edge could
     * otherwise both pass the cycle check (neither sees the other's edge) and together close a cycle.
     */
    public void lockDerivations() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + DERIVATION_LOCK + ")").getSingleResult();
    }

    static final long DERIVATION_LOCK = 0x0de71ea9eL;

    /** True when {@code candidate} is {@code datasetId} itself or one of its ancestors. */
    public boolean isSelfOrAncestor(long candidate, long datasetId) {
        Object found = em.createNativeQuery("""
                WITH RECURSIVE up(id) AS (
                    SELECT CAST(:start AS bigint)
                    UNION
                    SELECT dv.parent_id FROM up JOIN derivation dv ON dv.child_id = up.id
                )
                SELECT EXISTS (SELECT 1 FROM up WHERE id = :candidate)""")
                .setParameter("start", datasetId).setParameter("candidate", candidate)
                .getSingleResult();
        return Boolean.TRUE.equals(found);
    }

    /**
     * Every dataset reachable from the root within {@code maxDepth} steps, at its smallest depth. The datasets are
     * fetched with a LATERAL lookup by id (OFFSET 0 keeps the planner from flattening it): left to itself the planner
     * hashes the whole dataset table for the final join, and the walk would slow down as the catalog grows.
     */
    public List<NodeRow> walk(long rootId, Direction direction, int maxDepth, int limit, Viewer viewer) {
        String from = direction == Direction.UPSTREAM ? "child_id" : "parent_id";
        String to = direction == Direction.UPSTREAM ? "parent_id" : "child_id";
        Query q = em.createNativeQuery("""
                WITH RECURSIVE walk(id, depth) AS (
                    SELECT CAST(:root AS bigint), 0
                    UNION
                    SELECT dv.%2$s, w.depth + 1
                    FROM walk w
                    JOIN derivation dv ON dv.%1$s = w.id
                    JOIN dataset n ON n.id = dv.%2$s
                    WHERE w.depth < :maxDepth
                      AND (:all OR n.visibility = 'public' OR n.organization IN (:orgs))
                )
                , reached AS (SELECT id, min(depth) AS depth FROM walk GROUP BY id)
                SELECT d.id, d.key, d.title, r.depth, d.registered, d.status, d.organization
                FROM reached r
                CROSS JOIN LATERAL (SELECT * FROM dataset x WHERE x.id = r.id OFFSET 0) d
                ORDER BY r.depth, d.key
                LIMIT :limit""".formatted(from, to))
                .setParameter("root", rootId).setParameter("maxDepth", maxDepth)
                .setParameter("all", viewer.seesEverything()).setParameter("orgs", viewer.organizationsForSql())
                .setParameter("limit", limit);
        List<NodeRow> rows = new ArrayList<>();
        for (Object r : q.getResultList()) {
            Object[] c = (Object[]) r;
            rows.add(new NodeRow(((Number) c[0]).longValue(), (String) c[1], (String) c[2], ((Number) c[3]).intValue(),
                    (Boolean) c[4], (String) c[5], (String) c[6]));
        }
        return rows;
    }

    /** A dataset reached by {@link #upstreamOf}: where it is, all its parents' ids in order, and its own steps. */
    public record UpstreamRow(NodeRow node, List<Long> parentIds, List<PreprocessingStep> steps) {
    }

    /**
     * The same walk as {@link #walk} upstream, in one statement that also finds the root by key (empty when the viewer
     * may not see it) and brings each dataset's parent ids (visible or not) and steps: what lineage history and PROV
     * need, which took five statements before.
     */
    public List<UpstreamRow> upstreamOf(String key, int maxDepth, int limit, Viewer viewer) {
        Query q = em.createNativeQuery("""
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
                )
                , reached AS (SELECT id, min(depth) AS depth FROM walk GROUP BY id)
                SELECT d.id, d.key, d.title, r.depth, d.registered, d.status, d.organization,
                       CAST((SELECT array_agg(dv.parent_id ORDER BY dv.ordinal) FROM derivation dv
                             WHERE dv.child_id = d.id) AS text),
                       CAST((SELECT json_agg(json_build_object('step', s.step, 'parameters', s.parameters,
                                    'software', s.software, 'description', s.description, 'runId', s.run_id)
                                    ORDER BY s.ordinal)
                             FROM preprocessing_step s WHERE s.dataset_id = d.id) AS text)
                FROM reached r
                CROSS JOIN LATERAL (SELECT * FROM dataset x WHERE x.id = r.id OFFSET 0) d
                ORDER BY r.depth, d.key
                LIMIT :limit""")
                .setParameter("key", key).setParameter("maxDepth", maxDepth)
                .setParameter("all", viewer.seesEverything()).setParameter("orgs", viewer.organizationsForSql())
                .setParameter("limit", limit);
        List<UpstreamRow> rows = new ArrayList<>();
        for (Object r : q.getResultList()) {
            Object[] c = (Object[]) r;
            NodeRow node = new NodeRow(((Number) c[0]).longValue(), (String) c[1], (String) c[2],
                    ((Number) c[3]).intValue(), (Boolean) c[4], (String) c[5], (String) c[6]);
            rows.add(new UpstreamRow(node, ids((String) c[7]),
                    c[8] == null ? List.of() : read((String) c[8], new TypeReference<List<PreprocessingStep>>() { })));
        }
        return rows;
    }

    /** A PostgreSQL bigint array as text, {@code {3,1,2}}, or null. */
    private static List<Long> ids(String array) {
        if (array == null || array.length() <= 2) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String id : array.substring(1, array.length() - 1).split(",")) {
            ids.add(Long.parseLong(id));
        }
        return ids;
    }

    public List<EdgeRow> edgesAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String array = idArray(ids);
        List<EdgeRow> edges = new ArrayList<>();
        for (Object r : em.createNativeQuery("""
                SELECT parent_id, child_id FROM derivation
                WHERE child_id = ANY(CAST(:ids AS bigint[])) AND parent_id = ANY(CAST(:ids AS bigint[]))
                ORDER BY child_id, ordinal""").setParameter("ids", array).getResultList()) {
            Object[] c = (Object[]) r;
            edges.add(new EdgeRow(((Number) c[0]).longValue(), ((Number) c[1]).longValue()));
        }
        return edges;
    }

    /** True when one of these datasets has a parent (used to tell whether a walk stopped short of the sources). */
    public boolean anyHasParents(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return false;
        }
        Object found = em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM derivation WHERE child_id = ANY(CAST(:ids AS bigint[])))")
                .setParameter("ids", idArray(ids)).getSingleResult();
        return Boolean.TRUE.equals(found);
    }

    /** The steps of each dataset, in order. */
    public Map<Long, List<PreprocessingStep>> stepsOf(Collection<Long> ids) {
        Map<Long, List<PreprocessingStep>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Object r : em.createNativeQuery("""
                SELECT dataset_id, step, CAST(parameters AS text), CAST(software AS text), description, run_id
                FROM preprocessing_step WHERE dataset_id = ANY(CAST(:ids AS bigint[]))
                ORDER BY dataset_id, ordinal""").setParameter("ids", idArray(ids)).getResultList()) {
            Object[] c = (Object[]) r;
            PreprocessingStep step = new PreprocessingStep((String) c[1], read((String) c[2], MAP),
                    c[3] == null ? null : read((String) c[3], new TypeReference<Software>() { }), (String) c[4], (String) c[5]);
            out.computeIfAbsent(((Number) c[0]).longValue(), k -> new ArrayList<>()).add(step);
        }
        return out;
    }

    /** The direct parents of each dataset, in the order they were given. */
    public Map<Long, List<ParentRef>> parentsOf(Collection<Long> ids) {
        Map<Long, List<ParentRef>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Object r : em.createNativeQuery("""
                SELECT dv.child_id, p.key, dv.parent_version
                FROM derivation dv JOIN dataset p ON p.id = dv.parent_id
                WHERE dv.child_id = ANY(CAST(:ids AS bigint[]))
                ORDER BY dv.child_id, dv.ordinal""").setParameter("ids", idArray(ids)).getResultList()) {
            Object[] c = (Object[]) r;
            out.computeIfAbsent(((Number) c[0]).longValue(), k -> new ArrayList<>()).add(new ParentRef((String) c[1], (String) c[2]));
        }
        return out;
    }

    private static String idArray(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
