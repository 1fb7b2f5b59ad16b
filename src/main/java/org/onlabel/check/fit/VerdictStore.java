package org.onlabel.check.fit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
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

    public VerdictStore(EntityManager em) {
        this.em = em;
    }

    /** One stored verdict. */
    public record Row(String task, String viewer, String verdict) {
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

    /** The dataset with the visibility of every ancestor, read as an admin would (the views decide who sees what). */
    public Optional<Subject> subject(long datasetId) {
        List<?> root = em.createNativeQuery("SELECT key, status, visibility, organization FROM dataset WHERE id = :id")
                .setParameter("id", datasetId).getResultList();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) root.get(0);
        List<VerdictViews.Node> ancestors = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                WITH RECURSIVE up(id) AS (
                    SELECT CAST(:id AS bigint)
                    UNION
                    SELECT dv.parent_id FROM up JOIN derivation dv ON dv.child_id = up.id)
                SELECT d.visibility, d.organization FROM up JOIN dataset d ON d.id = up.id
                WHERE d.id <> :id AND d.visibility = 'embargoed'""").setParameter("id", datasetId).getResultList()) {
            Object[] a = (Object[]) o;
            ancestors.add(new VerdictViews.Node(true, (String) a[1]));
        }
        return Optional.of(new Subject(datasetId, (String) r[0], "removed".equals(r[1]),
                new VerdictViews.Node("embargoed".equals(r[2]), (String) r[3]), ancestors));
    }

    /** Replaces a dataset's verdicts and marks it fresh (the caller holds its state row's lock). */
    public void replace(long datasetId, List<Row> rows, String rulesetVersion, String basis) {
        em.createNativeQuery("DELETE FROM dataset_verdict WHERE dataset_id = :id").setParameter("id", datasetId)
                .executeUpdate();
        if (!rows.isEmpty()) {
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO dataset_verdict (dataset_id, task, viewer, verdict, ruleset_version)
                        SELECT ?, t, v, x, ? FROM unnest(?::text[], ?::text[], ?::text[]) AS r(t, v, x)""")) {
                    insert.setLong(1, datasetId);
                    insert.setString(2, rulesetVersion);
                    insert.setArray(3, connection.createArrayOf("text", rows.stream().map(Row::task).toArray()));
                    insert.setArray(4, connection.createArrayOf("text", rows.stream().map(Row::viewer).toArray()));
                    insert.setArray(5, connection.createArrayOf("text", rows.stream().map(Row::verdict).toArray()));
                    insert.executeUpdate();
                }
            });
        }
        em.createNativeQuery("UPDATE dataset_verdict_state SET stale = FALSE, computed_with = :basis WHERE dataset_id = :id")
                .setParameter("basis", basis).setParameter("id", datasetId).executeUpdate();
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
