package org.onlabel.provenance.manifest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.onlabel.common.security.Viewer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Manifests in PostgreSQL (tables manifest, manifest_entry). An upload is streamed with COPY into a temporary
 * staging table while it is parsed, then moved into place with duplicates dropped, in the caller's transaction:
 * a refused upload leaves the stored manifest as it was. Overlap is a join on the hash index.
 */
@ApplicationScoped
public class ManifestRepository {
    /** A stored manifest's summary. */
    public record Stored(long id, long datasetId, String level, String salt, long count, Instant registeredAt,
            String registeredBy) {
    }

    /** Another dataset's manifest sharing identifiers with one of ours (same level and salt). */
    public record OverlapRow(long otherDatasetId, String otherKey, String otherTitle, String level, String salt,
            long shared, long count, long otherCount) {
    }

    /** Two datasets' manifests of the same level and salt, and how many identifiers they share (may be 0). */
    public record PairRow(String dataset, String other, String level, String salt, long shared, long count,
            long otherCount) {
    }

    private final EntityManager em;

    public ManifestRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Stages the hashes the parser hands over (via COPY) and returns what the parser returns; nothing is stored
     * yet. The staging table empties itself at the end of the transaction.
     */
    public <T> T stage(Function<Consumer<String>, T> parse) {
        em.createNativeQuery("CREATE TEMP TABLE IF NOT EXISTS manifest_staging (hash BYTEA NOT NULL) "
                + "ON COMMIT DELETE ROWS").executeUpdate();
        em.createNativeQuery("TRUNCATE manifest_staging").executeUpdate();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY manifest_staging (hash) FROM STDIN");
            byte[] line = new byte[3 + 64 + 1];
            line[0] = '\\';
            line[1] = '\\';
            line[2] = 'x';
            line[line.length - 1] = '\n';
            try {
                T result = parse.apply(hash -> {
                    System.arraycopy(hash.getBytes(StandardCharsets.US_ASCII), 0, line, 3, 64);
                    try {
                        copy.writeToCopy(line, 0, line.length);
                    } catch (SQLException e) {
                        throw new IllegalStateException("staging a manifest failed", e);
                    }
                });
                copy.endCopy();
                return result;
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    /** Replaces the dataset's manifest of this level by the staged hashes; returns the stored manifest. */
    public Stored replaceWithStaged(long datasetId, String level, String salt, String by, Instant at) {
        em.createNativeQuery("DELETE FROM manifest WHERE dataset_id = :d AND level = :l")
                .setParameter("d", datasetId).setParameter("l", level).executeUpdate();
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO manifest (dataset_id, level, salt, id_count, registered_at, registered_by)
                VALUES (:d, :l, :s, 0, :at, :by) RETURNING id""")
                .setParameter("d", datasetId).setParameter("l", level).setParameter("s", salt)
                .setParameter("at", at).setParameter("by", by).getSingleResult()).longValue();
        int count = em.createNativeQuery("""
                INSERT INTO manifest_entry (manifest_id, hash)
                SELECT DISTINCT :m, hash FROM manifest_staging""").setParameter("m", id).executeUpdate();
        em.createNativeQuery("UPDATE manifest SET id_count = :c WHERE id = :m").setParameter("c", count)
                .setParameter("m", id).executeUpdate();
        em.createNativeQuery("ANALYZE manifest_entry").executeUpdate();
        return new Stored(id, datasetId, level, salt, count, at, by);
    }

    /**
     * The pool's connections give up on a silent server after 60 s (socketTimeout), which is right for every other
     * statement but not for moving a million staged hashes on a busy machine. Returns the timeout it replaced, for
     * {@link #restoreNetworkTimeout(int)} before the connection goes back to the pool.
     */
    public int extendNetworkTimeoutForUpload() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            int pooled = connection.getNetworkTimeout();
            connection.setNetworkTimeout(Runnable::run, UPLOAD_NETWORK_TIMEOUT_MS);
            return pooled;
        });
    }

    public void restoreNetworkTimeout(int millis) {
        em.unwrap(Session.class).doWork(connection -> connection.setNetworkTimeout(Runnable::run, millis));
    }

    private static final int UPLOAD_NETWORK_TIMEOUT_MS = 900_000;

    public List<Stored> of(long datasetId) {
        List<Stored> out = new ArrayList<>();
        for (Object r : em.createNativeQuery("""
                SELECT id, dataset_id, level, salt, id_count, registered_at, registered_by
                FROM manifest WHERE dataset_id = :d ORDER BY level""").setParameter("d", datasetId)
                .getResultList()) {
            Object[] c = (Object[]) r;
            out.add(new Stored(((Number) c[0]).longValue(), ((Number) c[1]).longValue(), (String) c[2],
                    (String) c[3], ((Number) c[4]).longValue(), instant(c[5]), (String) c[6]));
        }
        return out;
    }

    public Optional<Stored> of(long datasetId, String level) {
        return of(datasetId).stream().filter(m -> m.level().equals(level)).findFirst();
    }

    /** The hashes of a manifest in hex, in hash order, a page at a time (after {@code after}, exclusive). */
    public List<String> hashes(long manifestId, String after, int limit) {
        List<String> out = new ArrayList<>();
        for (Object r : em.createNativeQuery("""
                SELECT encode(hash, 'hex') FROM manifest_entry
                WHERE manifest_id = :m AND (CAST(:after AS text) IS NULL OR hash > decode(CAST(:after AS text), 'hex'))
                ORDER BY hash LIMIT :n""").setParameter("m", manifestId).setParameter("after", after)
                .setParameter("n", limit).getResultList()) {
            out.add((String) r);
        }
        return out;
    }

    /** Every dataset the viewer may see whose manifest shares identifiers with one of this dataset's. */
    public List<OverlapRow> overlaps(long datasetId, Viewer viewer) {
        List<OverlapRow> out = new ArrayList<>();
        for (Object r : em.createNativeQuery("""
                SELECT d.id, d.key, d.title, m1.level, m1.salt, count(*), m1.id_count, m2.id_count
                FROM manifest m1
                JOIN manifest m2 ON m2.level = m1.level AND m2.salt = m1.salt AND m2.id <> m1.id
                JOIN dataset d ON d.id = m2.dataset_id
                JOIN manifest_entry e1 ON e1.manifest_id = m1.id
                JOIN manifest_entry e2 ON e2.manifest_id = m2.id AND e2.hash = e1.hash
                WHERE m1.dataset_id = :d AND d.status <> 'removed'
                  AND (:all OR d.visibility = 'public' OR d.organization IN (:orgs))
                GROUP BY d.id, d.key, d.title, m1.level, m1.salt, m1.id_count, m2.id_count
                ORDER BY count(*) DESC, d.key, m1.level""")
                .setParameter("d", datasetId).setParameter("all", viewer.seesEverything())
                .setParameter("orgs", viewer.organizationsForSql()).getResultList()) {
            Object[] c = (Object[]) r;
            out.add(new OverlapRow(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3],
                    (String) c[4], ((Number) c[5]).longValue(), ((Number) c[6]).longValue(),
                    ((Number) c[7]).longValue()));
        }
        return out;
    }

    /** Every pair among these datasets (by key) with manifests of the same level and salt, both ways round. */
    public List<PairRow> pairs(Collection<String> keys) {
        List<PairRow> out = new ArrayList<>();
        if (keys.size() < 2) {
            return out;
        }
        for (Object r : em.createNativeQuery("""
                WITH m AS (SELECT m.*, d.key FROM manifest m JOIN dataset d ON d.id = m.dataset_id
                           WHERE d.key = ANY(CAST(:keys AS text[])))
                SELECT m1.key, m2.key, m1.level, m1.salt, m1.id_count, m2.id_count,
                       (SELECT count(*) FROM manifest_entry a
                        JOIN manifest_entry b ON b.manifest_id = m2.id AND b.hash = a.hash
                        WHERE a.manifest_id = m1.id)
                FROM m m1 JOIN m m2 ON m2.level = m1.level AND m2.salt = m1.salt AND m2.dataset_id > m1.dataset_id""")
                .setParameter("keys", keys.stream().map(k -> '"' + k + '"').collect(Collectors.joining(",", "{", "}")))
                .getResultList()) {
            Object[] c = (Object[]) r;
            String a = (String) c[0];
            String b = (String) c[1];
            long shared = ((Number) c[6]).longValue();
            long ca = ((Number) c[4]).longValue();
            long cb = ((Number) c[5]).longValue();
            out.add(new PairRow(a, b, (String) c[2], (String) c[3], shared, ca, cb));
            out.add(new PairRow(b, a, (String) c[2], (String) c[3], shared, cb, ca));
        }
        return out;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

}
