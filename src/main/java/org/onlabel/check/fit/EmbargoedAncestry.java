package org.onlabel.check.fit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.security.VerdictViews;

/**
 * The embargoed ancestors of datasets (at any depth, read as an admin would), kept per replica and tagged with the
 * lineage facts revision: they decide which views a dataset's stored verdicts are computed for. The worker follows
 * the writes, so a new dataset's parents were usually computed just before it, and its embargoed ancestors are its
 * parents' plus the parents that are themselves embargoed, without a recursive walk in PostgreSQL (1,000 iterations
 * per batch below the benchmark's 1,000-deep chain).
 */
@ApplicationScoped
public class EmbargoedAncestry {
    /** A dataset's own visibility and its embargoed ancestors by id. */
    public record Known(VerdictViews.Node node, Map<Long, VerdictViews.Node> embargoedAncestors) {
        public Known {
            embargoedAncestors = Map.copyOf(embargoedAncestors);
        }
    }

    private record Entry(long revision, Known known) {
    }

    private final Cache<Long, Entry> kept;

    public EmbargoedAncestry(OnLabelConfig config) {
        int size = config.verdicts().ancestryCacheSize();
        this.kept = size <= 0 ? null : Caffeine.newBuilder().maximumSize(size).build();
    }

    /** What is kept for this dataset at this revision. */
    public Optional<Known> get(long datasetId, long revision) {
        Entry e = kept == null ? null : kept.getIfPresent(datasetId);
        return e != null && e.revision() == revision ? Optional.of(e.known()) : Optional.empty();
    }

    /** Keeps what was read at this revision (read after the revision, in the same transaction). */
    public void put(long datasetId, long revision, Known known) {
        if (kept != null) {
            kept.put(datasetId, new Entry(revision, known));
        }
    }
}
