package org.onlabel.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Everything the service reads from configuration under {@code onlabel.*}. */
@ConfigMapping(prefix = "onlabel")
public interface OnLabelConfig {

    Api api();

    Manifest manifest();

    interface Manifest {
        /** Largest manifest upload (PUT /datasets/{key}/manifest), in bytes; other bodies keep api.max-body-bytes. */
        @WithDefault("104857600")
        long maxBodyBytes();

        /** Most identifiers one manifest may hold. */
        @WithDefault("1000000")
        int maxIds();
    }

    /**
     * The public base URL of the service (scheme, host, port, optional path prefix) from which absolute URLs are
     * built: Location headers, PROV-JSON prefixes. Unset: the local address the request arrived at. Never the
     * request's Host header, which the client controls.
     */
    java.util.Optional<java.net.URI> publicUrl();

    ReferenceCatalog referenceCatalog();

    EmbeddedDb embeddedDb();

    Security security();

    Lineage lineage();

    Health health();

    Verdicts verdicts();

    Checks checks();

    interface Checks {
        /**
         * A check, batch, comparison or label whose datasets' lineages hold more nodes than this in all is deep: it
         * needs one of {@link #maxConcurrentDeep} permits to be evaluated.
         */
        @WithDefault("200")
        int deepLineageNodes();

        /**
         * Deep evaluations at once. Each of a 1,000-deep chain keeps tens of MB of heap live while it runs and is
         * CPU-bound, so more of them than cores add no throughput, only memory (issue 12's benchmark, 2 cores).
         */
        @WithDefault("2")
        int maxConcurrentDeep();

        /** How long a deep evaluation waits for a permit before it is answered 503 with Retry-After. */
        @WithDefault("2S")
        java.time.Duration deepWait();
    }

    interface Verdicts {
        /**
         * Whether this replica runs the background worker that recomputes stale stored verdicts. Off, stale verdicts
         * are still recomputed by the fitFor and task lists that would answer with them (and by other replicas'
         * workers); turn it off only for a bulk load that should not be followed by computing every verdict.
         */
        @WithDefault("true")
        boolean workerEnabled();

        /**
         * How long a fitFor or task list goes on recomputing the stale verdicts of its page before it answers
         * without the datasets whose verdicts are still stale (right after a bulk load or a ruleset change, when the
         * worker has not caught up yet). Well under the transaction timeout.
         */
        @WithDefault("5S")
        java.time.Duration listRecomputeBudget();

        /**
         * Worker threads per replica that recompute stale verdicts side by side (each claims its own batches with
         * FOR UPDATE SKIP LOCKED, as replicas do). A recomputation is half rule engine, half PostgreSQL, so two
         * threads keep a 2-core machine busy; more help only with more cores.
         */
        @WithDefault("2")
        @jakarta.validation.constraints.Min(1)
        int workers();

        /**
         * Datasets a worker claims and recomputes in one transaction: their facts are read, and their verdicts
         * written, with a few statements per batch instead of several per dataset. Larger batches hold more row
         * locks for longer (a write marking one of them stale waits for the batch to commit).
         */
        @WithDefault("50")
        @jakarta.validation.constraints.Min(1)
        int batchSize();

        /**
         * Datasets whose embargoed ancestors (what decides the views their verdicts are computed for) a replica
         * keeps in memory, so that a new dataset's are made from its parents' instead of walking its ancestry
         * (0 turns it off). An entry answers only while no replica has changed what it read.
         */
        @WithDefault("50000")
        @jakarta.validation.constraints.Min(0)
        int ancestryCacheSize();
    }

    interface Health {
        /** Readiness turns DOWN when the embedded PostgreSQL's disk has less free space than this, in MB. */
        @WithDefault("256")
        long minFreeDiskMb();
    }

    interface Lineage {
        /** Depth of a lineage query when the request names none. */
        @WithDefault("20")
        int defaultDepth();

        /**
         * Deepest lineage query (and ancestry of checks, labels and histories); deeper requests are capped. A
         * 1,000-deep pipeline chain is walked whole; the walk stops where the graph ends, so a shallow lineage costs
         * the same whatever this is.
         */
        @WithDefault("1000")
        int maxDepth();

        /** Nodes of a lineage answer when the request names no limit; beyond it the answer says truncated. */
        @WithDefault("1000")
        int defaultNodes();

        /** Most nodes of one lineage answer (and of the ancestry checks and histories reason over). */
        @WithDefault("10000")
        int maxNodes();

        /**
         * Most lineage rows the per-replica cache of walked ancestries keeps (about 1 kB each; 0 turns it off).
         * See {@code LineageWalkCache}: an entry answers only while no replica has changed what it read.
         */
        @WithDefault("20000")
        int walkCacheRows();
    }

    Idempotency idempotency();

    interface Idempotency {
        /** How long a stored response answers retries with the same Idempotency-Key. */
        @WithDefault("P1D")
        java.time.Duration retention();
    }

    interface Security {
        /** Let callers without a token read public datasets. */
        @WithDefault("true")
        boolean anonymousRead();
    }

    interface Api {
        /** Largest request body accepted, in bytes; bigger bodies get a 413 problem. */
        @WithDefault("1048576")
        long maxBodyBytes();

        /** Page size when a list request gives no {@code limit}. */
        @WithDefault("50")
        int defaultPageSize();

        /** Largest page size; a bigger {@code limit} is capped to it. */
        @WithDefault("500")
        int maxPageSize();

        /**
         * Secret for the HMAC that authenticates list cursors (at least 16 characters); every replica needs the same.
         * Unset: a random key per process.
         */
        java.util.Optional<String> cursorKey();

        /** The page size for a requested {@code limit}: the default when absent, capped at the maximum. */
        default int pageSize(Integer limit) {
            return limit == null ? defaultPageSize() : Math.min(limit, maxPageSize());
        }
    }

    interface ReferenceCatalog {
        /** Load the shipped reference datasets into an empty catalog at start-up. */
        @WithDefault("true")
        boolean enabled();
    }

    /**
     * The embedded PostgreSQL used when no JDBC URL is configured. Read by {@code OnLabelMain} before Quarkus
     * starts (see {@code EmbeddedDatabaseSettings}); mapped here so that the settings are documented and checked.
     */
    interface EmbeddedDb {
        @WithName("data-dir")
        @WithDefault("data/postgres")
        String dataDir();

        @WithDefault("15432")
        int port();

        /** Restarts tried, with backoff from 0.5 s doubling to 8 s, before the service gives up and exits 3. */
        @WithDefault("5")
        int restartAttempts();

        /** How long a start (including crash recovery) may take before it counts as failed. */
        @WithDefault("2M")
        java.time.Duration startTimeout();
    }
}
