package org.onlabel.common.idempotency;

import org.onlabel.common.Hashing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

/**
 * Remembers the response to each (caller, Idempotency-Key) in PostgreSQL, inside the transaction of the write it
 * belongs to, so that the write and its remembered response commit together. A concurrent duplicate blocks on the
 * primary key until the first commits, then replays its response; it never writes twice.
 */
@ApplicationScoped
public class IdempotencyStore {
    /** A response recorded for a key. */
    public record StoredResponse(int status, String body, String etag, String location) {
    }

    /** Either the caller owns the key now and must {@link #complete} it, or there is a response to replay. */
    public record Claim(StoredResponse replay) {
        public boolean owned() {
            return replay == null;
        }
    }

    private final EntityManager em;
    private final OnLabelConfig config;

    public IdempotencyStore(EntityManager em, OnLabelConfig config) {
        this.em = em;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Claim claim(String caller, String key, String requestBody) {
        if (key.isBlank() || key.length() > 255) {
            throw ApiException.validation(List.of(new org.onlabel.common.error.FieldError("Idempotency-Key",
                    "must be 1 to 255 characters")));
        }
        String hash = Hashing.sha256(requestBody);
        Instant now = Instant.now();
        // RETURNING answers a row only when this transaction now owns the key (a new key, or an expired one taken
        // over): then there is nothing to replay and no second query is needed
        List<?> claimed = em.createNativeQuery("""
                INSERT INTO idempotency_record (caller, idempotency_key, request_hash, created_at, expires_at)
                VALUES (:caller, :key, :hash, :now, :expires)
                ON CONFLICT (caller, idempotency_key) DO UPDATE
                    SET request_hash = EXCLUDED.request_hash, response_status = NULL, response_body = NULL,
                        response_etag = NULL, response_location = NULL,
                        created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                    WHERE idempotency_record.expires_at < EXCLUDED.created_at
                RETURNING 1""")
                .setParameter("caller", caller).setParameter("key", key).setParameter("hash", hash)
                .setParameter("now", now).setParameter("expires", now.plus(config.idempotency().retention()))
                .getResultList();
        if (!claimed.isEmpty()) {
            return new Claim(null);
        }
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT request_hash, response_status, response_body, response_etag, response_location
                FROM idempotency_record WHERE caller = :caller AND idempotency_key = :key""")
                .setParameter("caller", caller).setParameter("key", key).getSingleResult();
        if (row[1] == null) {
            return new Claim(null);
        }
        if (!hash.equals(row[0])) {
            throw new ApiException(ProblemType.CONFLICT,
                    "This Idempotency-Key was already used with a different request body; use a new key for a new request");
        }
        return new Claim(new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String caller, String key, StoredResponse response) {
        em.createNativeQuery("""
                UPDATE idempotency_record
                SET response_status = :status, response_body = :body, response_etag = :etag, response_location = :location
                WHERE caller = :caller AND idempotency_key = :key""")
                .setParameter("status", response.status()).setParameter("body", response.body())
                .setParameter("etag", response.etag()).setParameter("location", response.location())
                .setParameter("caller", caller).setParameter("key", key).executeUpdate();
    }

    /**
     * Forgets the stored responses that created this dataset (they carry its content): used when an admin removes
     * it. A retry with such an Idempotency-Key then runs again and finds the key taken (409).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetResponsesFor(String datasetKey) {
        return em.createNativeQuery("DELETE FROM idempotency_record WHERE response_location = :key")
                .setParameter("key", datasetKey).executeUpdate();
    }

    /** Forgets expired keys; called now and then, never needed for correctness. */
    @Transactional
    public int purgeExpired() {
        return em.createNativeQuery("DELETE FROM idempotency_record WHERE expires_at < now()").executeUpdate();
    }
}
