package org.onlabel.check.fit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.onlabel.check.LineageFactsRevision;
import org.onlabel.common.db.PgArrays;
import org.onlabel.common.security.VerdictViews;

/** The stored per-dataset, per-task, per-view verdicts and their freshness (tables of V12). */
@ApplicationScoped
public class VerdictStore {
    /** The dataset and every descendant, however deep (derivations cannot form cycles). */
    private static final String DOWNSTREAM = """
            WITH RECURSIVE down(id) AS (
                SELECT CAST(:id AS bigint)
                UNION
                SELECT dv.child_id FROM down JOIN derivation dv ON dv.parent_id = down.id)
            """;

    private final EntityManager em;
    private final LineageFactsRevision revisions;
    private final EmbargoedAncestry ancestry;

    public VerdictStore(EntityManager em, LineageFactsRevision revision, EmbargoedAncestry ancestry) {
        this.em = em;
        this.revisions = revision;
        this.ancestry = ancestry;
    }

    /** One stored verdict. */
    public record Row(long datasetId, String task, String viewer, String verdict) {
    }

    /** A dataset as the recomputation needs it, with its ancestors' visibility. */
    public record Subject(long id, String key, boolean removed, VerdictViews.Node node, List<VerdictViews.Node> ancestors) {
    }

    /** A new dataset: stale until first computed. */
    public void insertStale(long datasetId) {
        em.createNativeQuery("""
                INSERT INTO dataset_verdict_state (dataset_id, stale) VALUES (:id, TRUE)
                ON CONFLICT (dataset_id) DO UPDATE SET stale = TRUE, marked_at = now()""")
                .setParameter("id", datasetId).executeUpdate();
    }

    /**
     * Marks the dataset and every descendant stale, in the caller's transaction. Rows are locked in id order so that
     * concurrent markers and recomputations never deadlock.
     */
    public int markDownstreamStale(long datasetId) {
        insertStale(datasetId);
        return em.createNativeQuery(DOWNSTREAM + """
                , locked AS (SELECT s.dataset_id FROM dataset_verdict_state s WHERE s.dataset_id IN (SELECT id FROM down)
                             ORDER BY s.dataset_id FOR UPDATE)
                UPDATE dataset_verdict_state s SET stale = TRUE, marked_at = now()
                FROM locked WHERE s.dataset_id = locked.dataset_id""")
                .setParameter("id", datasetId).executeUpdate();
    }

    /** Datasets whose license expression names this license id, and their descendants (a superset is harmless). */
    public int markLicenseStale(String licenseId) {
        return em.createNativeQuery("""
                WITH RECURSIVE down(id) AS (
                    SELECT id FROM dataset WHERE strpos(lower(license), lower(:license)) > 0
                    UNION
                    SELECT dv.child_id FROM down JOIN derivation dv ON dv.parent_id = down.id)
                , locked AS (SELECT s.dataset_id FROM dataset_verdict_state s WHERE s.dataset_id IN (SELECT id FROM down)
                             ORDER BY s.dataset_id FOR UPDATE)
                UPDATE dataset_verdict_state s SET stale = TRUE, marked_at = now()
                FROM locked WHERE s.dataset_id = locked.dataset_id""")
                .setParameter("license", licenseId).executeUpdate();
    }

    /** Datasets without a state row (written around the service, e.g. by a bulk COPY) become stale ones. */
    public int insertMissingStates() {
        return em.createNativeQuery("""
                INSERT INTO dataset_verdict_state (dataset_id, stale)
                SELECT d.id, TRUE FROM dataset d
                WHERE NOT EXISTS (SELECT 1 FROM dataset_verdict_state s WHERE s.dataset_id = d.id)
                ON CONFLICT (dataset_id) DO NOTHING""").executeUpdate();
    }

    /** Everything, e.g. when the ruleset or the vocabularies changed. */
    public int markAllStale() {
        em.createNativeQuery("""
                INSERT INTO dataset_verdict_state (dataset_id, stale) SELECT id, TRUE FROM dataset
                ON CONFLICT (dataset_id) DO NOTHING""").executeUpdate();
        return em.createNativeQuery("""
                WITH locked AS (SELECT dataset_id FROM dataset_verdict_state ORDER BY dataset_id FOR UPDATE)
                UPDATE dataset_verdict_state s SET stale = TRUE, marked_at = now()
                FROM locked WHERE s.dataset_id = locked.dataset_id""").executeUpdate();
    }

    /** Up to {@code limit} stale datasets no other transaction is recomputing, locked until this one ends. */
    @SuppressWarnings("unchecked")
    public List<Long> claimStale(int limit) {
        return ((List<Number>) em.createNativeQuery("""
                SELECT dataset_id FROM dataset_verdict_state WHERE stale ORDER BY dataset_id LIMIT :limit
                FOR UPDATE SKIP LOCKED""").setParameter("limit", limit).getResultList())
                .stream().map(Number::longValue).toList();
    }

    /** Those of these datasets that are stale, locked (waiting for a recomputation under way to end). */
    @SuppressWarnings("unchecked")
    public List<Long> lockStale(Collection<Long> datasetIds) {
        if (datasetIds.isEmpty()) {
            return List.of();
        }
        em.createNativeQuery("""
                INSERT INTO dataset_verdict_state (dataset_id, stale) SELECT id, TRUE FROM dataset WHERE id IN (:ids)
                ON CONFLICT (dataset_id) DO NOTHING""").setParameter("ids", List.copyOf(datasetIds)).executeUpdate();
        return ((List<Number>) em.createNativeQuery("""
                SELECT dataset_id FROM dataset_verdict_state WHERE dataset_id IN (:ids) AND stale
                ORDER BY dataset_id FOR UPDATE""").setParameter("ids", List.copyOf(datasetIds)).getResultList())
                .stream().map(Number::longValue).toList();
    }

    /**
     * These datasets with the visibility of every embargoed ancestor, read as an admin would (the views decide who
     * sees what), ordered by id; datasets that no longer exist are left out. A dataset whose parents' embargoed
     * ancestors are kept ({@link EmbargoedAncestry}, or computed earlier in this batch: ids ascend, parents are
     * older) gets its own from theirs; the others' are walked at once ({@link #walkedEmbargoedAncestors}).
     */
    public Map<Long, Subject> subjects(List<Long> datasetIds) {
        if (datasetIds.isEmpty()) {
            return Map.of();
        }
        Long revision = revisions.current();
        Map<Long, Object[]> own = ownRows(datasetIds);
        Map<Long, EmbargoedAncestry.Known> known = new HashMap<>();
        List<Long> toWalk = new ArrayList<>();
        if (revision == null) {
            toWalk.addAll(own.keySet());
        } else {
            List<Long> notKept = new ArrayList<>();
            for (Long id : own.keySet()) {
                ancestry.get(id, revision).ifPresentOrElse(k -> known.put(id, k), () -> notKept.add(id));
            }
            Map<Long, List<Long>> parents = parentsOf(notKept);
            for (Long id : notKept) {
                EmbargoedAncestry.Known fromParents = fromParents(node(own.get(id)), parents.getOrDefault(id, List.of()),
                        known, revision);
                if (fromParents == null) {
                    toWalk.add(id);
                } else {
                    known.put(id, fromParents);
                    ancestry.put(id, revision, fromParents);
                }
            }
        }
        Map<Long, Map<Long, VerdictViews.Node>> walked = walkedEmbargoedAncestors(toWalk);
        walked.forEach((id, embargoed) -> {
            EmbargoedAncestry.Known k = new EmbargoedAncestry.Known(node(own.get(id)), embargoed);
            known.put(id, k);
            if (revision != null) {
                ancestry.put(id, revision, k);
            }
        });
        return subjects(own, id -> known.get(id).embargoedAncestors());
    }

    /** {@link #subjects} as the walk in PostgreSQL alone gives them, nothing kept read or written: for tests. */
    Map<Long, Subject> walkedSubjects(List<Long> datasetIds) {
        Map<Long, Map<Long, VerdictViews.Node>> walked = walkedEmbargoedAncestors(datasetIds);
        return subjects(ownRows(datasetIds), id -> walked.getOrDefault(id, Map.of()));
    }

    /** Each dataset's own row (id, key, status, visibility, organization), by id ascending. */
    private Map<Long, Object[]> ownRows(List<Long> datasetIds) {
        Map<Long, Object[]> own = new LinkedHashMap<>();
        for (Object[] r : nativeWithArray("""
                SELECT id, key, status, visibility, organization FROM dataset WHERE id = ANY(?::bigint[])
                ORDER BY id""", datasetIds.toArray(Long[]::new))) {
            own.put(((Number) r[0]).longValue(), r);
        }
        return own;
    }

    private static Map<Long, Subject> subjects(Map<Long, Object[]> own,
            java.util.function.Function<Long, Map<Long, VerdictViews.Node>> embargoedAncestors) {
        Map<Long, Subject> subjects = new LinkedHashMap<>();
        own.forEach((id, r) -> subjects.put(id, new Subject(id, (String) r[1], "removed".equals(r[2]), node(r),
                byId(embargoedAncestors.apply(id)))));
        return subjects;
    }

    private static VerdictViews.Node node(Object[] own) {
        return new VerdictViews.Node("embargoed".equals(own[3]), (String) own[4]);
    }

    /** The nodes in the order of their ids, whichever way they were found. */
    private static List<VerdictViews.Node> byId(Map<Long, VerdictViews.Node> embargoed) {
        return new java.util.TreeMap<>(embargoed).values().stream().toList();
    }

    /** Null when a parent's embargoed ancestors are neither kept nor computed in this batch. */
    private EmbargoedAncestry.Known fromParents(VerdictViews.Node node, List<Long> parents,
            Map<Long, EmbargoedAncestry.Known> known, long revision) {
        Map<Long, VerdictViews.Node> embargoed = new HashMap<>();
        for (Long parent : parents) {
            EmbargoedAncestry.Known p = known.get(parent);
            if (p == null) {
                p = ancestry.get(parent, revision).orElse(null);
                if (p == null) {
                    return null;
                }
                known.put(parent, p);
            }
            if (p.node().embargoed()) {
                embargoed.put(parent, p.node());
            }
            embargoed.putAll(p.embargoedAncestors());
        }
        return new EmbargoedAncestry.Known(node, embargoed);
    }

    private Map<Long, List<Long>> parentsOf(List<Long> datasetIds) {
        Map<Long, List<Long>> parents = new HashMap<>();
        if (datasetIds.isEmpty()) {
            return parents;
        }
        for (Object[] r : nativeWithArray("SELECT child_id, parent_id FROM derivation WHERE child_id = ANY(?::bigint[])",
                datasetIds.toArray(Long[]::new))) {
            parents.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(((Number) r[1]).longValue());
        }
        return parents;
    }

    /**
     * The embargoed ancestors of each of these datasets by id, from one walk in PostgreSQL: every ancestor of the
     * batch once (a walk of (root, ancestor) pairs read each shared ancestor once per root: ~10x the rows at 100k
     * datasets), then each root's by a search over their parents.
     */
    private Map<Long, Map<Long, VerdictViews.Node>> walkedEmbargoedAncestors(List<Long> datasetIds) {
        Map<Long, Map<Long, VerdictViews.Node>> embargoedAncestors = new HashMap<>();
        if (datasetIds.isEmpty()) {
            return embargoedAncestors;
        }
        Long[] ids = datasetIds.toArray(Long[]::new);
        Map<Long, Ancestor> ancestry = new HashMap<>();
        for (Object[] a : nativeWithArray("""
                WITH RECURSIVE up(id) AS (
                    SELECT unnest(?::bigint[])
                    UNION
                    SELECT dv.parent_id FROM up JOIN derivation dv ON dv.child_id = up.id)
                SELECT d.id, d.visibility = 'embargoed', d.organization,
                       (SELECT CAST(array_agg(dv.parent_id) AS text) FROM derivation dv WHERE dv.child_id = d.id)
                FROM up JOIN dataset d ON d.id = up.id""", ids)) {
            long id = ((Number) a[0]).longValue();
            ancestry.put(id, new Ancestor(new VerdictViews.Node(Boolean.TRUE.equals(a[1]), (String) a[2]),
                    PgArrays.longs((String) a[3])));
        }
        for (Long root : ids) {
            embargoedAncestors.put(root, embargoedAncestors(root, ancestry));
        }
        return embargoedAncestors;
    }

    private record Ancestor(VerdictViews.Node node, long[] parents) {
    }

    private static Map<Long, VerdictViews.Node> embargoedAncestors(long root, Map<Long, Ancestor> ancestry) {
        Map<Long, VerdictViews.Node> embargoed = new HashMap<>();
        java.util.Set<Long> seen = new java.util.HashSet<>(List.of(root));
        java.util.ArrayDeque<Long> next = new java.util.ArrayDeque<>(List.of(root));
        while (!next.isEmpty()) {
            Ancestor a = ancestry.get(next.poll());
            if (a == null) {
                continue;
            }
            for (long parent : a.parents()) {
                if (seen.add(parent)) {
                    next.add(parent);
                    Ancestor p = ancestry.get(parent);
                    if (p != null && p.node().embargoed()) {
                        embargoed.put(parent, p.node());
                    }
                }
            }
        }
        return embargoed;
    }

    /** The rows of a query whose one parameter is these ids, as arrays of column values. */
    private List<Object[]> nativeWithArray(String sql, Long[] ids) {
        List<Object[]> rows = new ArrayList<>();
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setArray(1, connection.createArrayOf("bigint", ids));
                try (java.sql.ResultSet result = query.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        Object[] row = new Object[columns];
                        for (int c = 0; c < columns; c++) {
                            row[c] = result.getObject(c + 1);
                        }
                        rows.add(row);
                    }
                }
            }
        });
        return rows;
    }

    /**
     * Replaces these datasets' verdicts by {@code rows} and marks them fresh (the caller holds their state rows'
     * locks), in three statements for the whole batch: an upsert that rewrites only the verdicts that changed, a
     * delete of the views no longer computed, and the state update.
     */
    public void replace(Collection<Long> datasetIds, List<Row> rows, String rulesetVersion, String basis) {
        if (datasetIds.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            java.sql.Array ids = connection.createArrayOf("bigint", datasetIds.toArray());
            java.sql.Array rowIds = connection.createArrayOf("bigint", rows.stream().map(Row::datasetId).toArray());
            java.sql.Array tasks = connection.createArrayOf("text", rows.stream().map(Row::task).toArray());
            java.sql.Array viewers = connection.createArrayOf("text", rows.stream().map(Row::viewer).toArray());
            java.sql.Array verdicts = connection.createArrayOf("text", rows.stream().map(Row::verdict).toArray());
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO dataset_verdict AS v (dataset_id, task, viewer, verdict, ruleset_version, dataset_key)
                    SELECT i, t, w, x, ?, d.key FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[]) AS r(i, t, w, x)
                    JOIN dataset d ON d.id = r.i
                    ON CONFLICT (dataset_id, task, viewer) DO UPDATE
                    SET verdict = EXCLUDED.verdict, ruleset_version = EXCLUDED.ruleset_version
                    WHERE (v.verdict, v.ruleset_version) IS DISTINCT FROM (EXCLUDED.verdict, EXCLUDED.ruleset_version)""");
                 PreparedStatement prune = connection.prepareStatement("""
                    DELETE FROM dataset_verdict v WHERE v.dataset_id = ANY(?::bigint[])
                    AND NOT EXISTS (SELECT 1 FROM unnest(?::bigint[], ?::text[], ?::text[]) AS r(i, t, w)
                                    WHERE r.i = v.dataset_id AND r.t = v.task AND r.w = v.viewer)""");
                 PreparedStatement fresh = connection.prepareStatement("""
                    UPDATE dataset_verdict_state SET stale = FALSE, computed_with = ? WHERE dataset_id = ANY(?::bigint[])""")) {
                upsert.setString(1, rulesetVersion);
                upsert.setArray(2, rowIds);
                upsert.setArray(3, tasks);
                upsert.setArray(4, viewers);
                upsert.setArray(5, verdicts);
                upsert.executeUpdate();
                prune.setArray(1, ids);
                prune.setArray(2, rowIds);
                prune.setArray(3, tasks);
                prune.setArray(4, viewers);
                prune.executeUpdate();
                fresh.setString(1, basis);
                fresh.setArray(2, ids);
                fresh.executeUpdate();
            }
        });
    }

    public long staleCount() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM dataset_verdict_state WHERE stale")
                .getSingleResult()).longValue();
    }

    /** The basis the stored verdicts were computed with, locked until the transaction ends. */
    @SuppressWarnings("unchecked")
    public Optional<String> lockBasis() {
        em.createNativeQuery("INSERT INTO verdict_basis (id, basis) VALUES (1, '') ON CONFLICT (id) DO NOTHING")
                .executeUpdate();
        List<String> found = em.createNativeQuery("SELECT basis FROM verdict_basis WHERE id = 1 FOR UPDATE").getResultList();
        return found.stream().findFirst().filter(b -> !b.isEmpty());
    }

    public void storeBasis(String basis) {
        em.createNativeQuery("UPDATE verdict_basis SET basis = :basis WHERE id = 1").setParameter("basis", basis)
                .executeUpdate();
    }
}
