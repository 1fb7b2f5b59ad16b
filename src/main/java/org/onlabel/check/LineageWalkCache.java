package org.onlabel.check;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.security.Viewer;

/**
 * The walks of {@link LineageFactsRepository#walk}, kept per replica and bounded by the rows they hold
 * ({@code onlabel.lineage.walk-cache-rows}; 0 turns it off). An entry answers only while the lineage facts
 * revision (V17: bumped at the commit of every update or delete of a dataset, derivation or preprocessing step, on
 * any replica) is the one it was walked at, read in the asking transaction: a walk is never older than the last
 * write that transaction can see. An entry is kept only once its transaction committed.
 * <p>
 * A dataset created in the asking transaction was never walked, but when the viewer sees exactly one of its
 * parents, its walk is that parent's walk one level deeper with itself on top: so a chain of derived creates costs
 * one short query per link instead of a walk of the whole chain, and the derived datasets of one parent share its
 * walk (see {@link #deriveFromParent}).
 */
@ApplicationScoped
public class LineageWalkCache {
    private record Key(String dataset, Viewer viewer, int maxDepth, int limit) {
        Key {
            // whoever sees everything sees the same walk, whatever organizations they belong to
            viewer = viewer.seesEverything() ? new Viewer(true, Set.of()) : new Viewer(false, Set.copyOf(viewer.organizations()));
        }
    }

    private record Entry(long revision, List<LineageFactsRepository.Row> rows) {
    }

    private final LineageFactsRepository repository;
    private final LineageFactsRevision revision;
    private final TransactionSynchronizationRegistry transactions;
    private final Cache<Key, Entry> walks;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong derived = new AtomicLong();

    public LineageWalkCache(LineageFactsRepository repository, LineageFactsRevision revision,
            TransactionSynchronizationRegistry transactions, OnLabelConfig config) {
        this.repository = repository;
        this.revision = revision;
        this.transactions = transactions;
        long rows = config.lineage().walkCacheRows();
        this.walks = rows <= 0 ? null : Caffeine.newBuilder().maximumWeight(rows)
                .weigher((Key k, Entry e) -> Math.max(1, e.rows().size())).build();
    }

    /** {@link LineageFactsRepository#walk}, from memory when nothing it read changed since. */
    public List<LineageFactsRepository.Row> walk(String key, Viewer viewer, int maxDepth, int limit) {
        if (walks == null) {
            return repository.walk(key, viewer, maxDepth, limit);
        }
        Long revision = revision();
        if (revision == null) {
            return repository.walk(key, viewer, maxDepth, limit);
        }
        Key k = new Key(key, viewer, maxDepth, limit);
        Entry cached = kept(k, revision);
        if (cached != null) {
            hits.incrementAndGet();
            return cached.rows();
        }
        List<LineageFactsRepository.Row> rows = deriveFromParent(key, viewer, maxDepth, limit, revision,
                parentKey -> walkedAndKept(parentKey, revision));
        if (rows != null) {
            derived.incrementAndGet();
        } else {
            rows = repository.walk(key, viewer, maxDepth, limit);
        }
        if (!rows.isEmpty()) {
            // no walk is kept for a dataset that does not exist (yet): creating one does not move the revision
            keepAfterCommit(k, new Entry(revision, List.copyOf(rows)));
        }
        return rows;
    }

    /**
     * The walks of those of these datasets that memory can give without walking their ancestry in PostgreSQL: kept,
     * or made from the kept walk of their one visible parent or from a walk made earlier in this call (a chain's
     * links in one batch: keys in order, parents first). Walks made here are kept after commit. A key without an
     * entry has to be walked (the batch walk does that); an empty walk is a dataset the viewer may not see.
     */
    public Map<String, List<LineageFactsRepository.Row>> fromMemory(java.util.Collection<String> keys, Viewer viewer,
            int maxDepth, int limit) {
        Map<String, List<LineageFactsRepository.Row>> made = new java.util.LinkedHashMap<>();
        Long revision = walks == null ? null : revision();
        if (revision == null) {
            return made;
        }
        for (String key : keys) {
            Key k = new Key(key, viewer, maxDepth, limit);
            Entry cached = kept(k, revision);
            if (cached != null) {
                hits.incrementAndGet();
                made.put(key, cached.rows());
                continue;
            }
            List<LineageFactsRepository.Row> rows = deriveFromParent(key, viewer, maxDepth, limit, revision,
                    parentKey -> {
                        List<LineageFactsRepository.Row> sameBatch = made.get(parentKey.dataset());
                        return sameBatch != null ? new Entry(revision, sameBatch) : kept(parentKey, revision);
                    });
            if (rows == null) {
                continue;
            }
            derived.incrementAndGet();
            List<LineageFactsRepository.Row> walk = List.copyOf(rows);
            made.put(key, walk);
            if (!walk.isEmpty()) {
                keepAfterCommit(k, new Entry(revision, walk));
            }
        }
        return made;
    }

    /** The kept walk of this key at this revision, or null. */
    private Entry kept(Key key, long revision) {
        Entry e = walks.getIfPresent(key);
        return e != null && e.revision() == revision ? e : null;
    }

    /** Walks (own or a parent's) answered from memory, and walks made from a parent's, since start: for tests. */
    public long hits() {
        return hits.get();
    }

    public long derivedFromParent() {
        return derived.get();
    }

    /**
     * The walk of a dataset with exactly one parent the viewer sees, made from that parent's current cached walk:
     * the dataset's own row (a walk one level deep), then the parent's rows one level deeper. Equal to the full
     * walk whenever the parent's walk was cut by neither limit (it reached no node at {@code maxDepth - 1} or
     * deeper, and it holds fewer than {@code limit - 1} rows): every path from the dataset upward goes through that
     * parent. A dataset without a parent the viewer sees is its walk one level deep. Null when it cannot be made so.
     */
    private List<LineageFactsRepository.Row> deriveFromParent(String key, Viewer viewer, int maxDepth, int limit,
            Long revision, java.util.function.Function<Key, Entry> parentWalk) {
        if (maxDepth < 2) {
            return null;
        }
        List<LineageFactsRepository.Row> top = repository.walk(key, viewer, 1, limit);
        if (top.size() < 2) {
            return top;    // no parent the viewer sees (or no dataset it sees): the walk ends here
        }
        if (top.size() != 2 || top.get(0).depth() != 0 || !top.get(0).facts().parents().equals(List.of(top.get(1).key()))) {
            return null;
        }
        Entry parent = parentWalk.apply(new Key(top.get(1).key(), viewer, maxDepth, limit));
        if (parent == null || parent.rows().size() >= limit - 1) {
            return null;
        }
        List<LineageFactsRepository.Row> rows = new ArrayList<>(parent.rows().size() + 1);
        LineageFactsRepository.Row own = top.get(0);
        rows.add(new LineageFactsRepository.Row(own.key(), 0, own.registered(), own.status(), own.license(),
                own.title(), own.facts(), false));
        for (LineageFactsRepository.Row r : parent.rows()) {
            if (r.depth() + 1 >= maxDepth || r.hasParentsBeyond()) {
                return null;
            }
            LineageFactsRepository.Projection p = r.facts();
            // representation and intended uses are projected for the root of a walk only
            LineageFactsRepository.Projection asAncestor = r.depth() > 0 ? p : new LineageFactsRepository.Projection(
                    p.dataUse(), p.contraindications(), p.vendors(), p.sites(), p.modalities(), p.parents(),
                    p.steps(), null, null);
            rows.add(new LineageFactsRepository.Row(r.key(), r.depth() + 1, r.registered(), r.status(), r.license(),
                    r.title(), asAncestor, false));
        }
        return rows;
    }

    /** The parent's kept walk, or its walk from PostgreSQL, kept for its next children (siblings, the next link). */
    private Entry walkedAndKept(Key parentKey, long revision) {
        Entry parent = kept(parentKey, revision);
        if (parent != null) {
            hits.incrementAndGet();
            return parent;
        }
        parent = new Entry(revision, List.copyOf(repository.walk(parentKey.dataset(), parentKey.viewer(),
                parentKey.maxDepth(), parentKey.limit())));
        keepAfterCommit(parentKey, parent);
        return parent;
    }

    private Long revision() {
        return revision.current();
    }

    /** A walk made in a transaction that rolls back may have seen rows that never existed: it is not kept. */
    private void keepAfterCommit(Key key, Entry entry) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    walks.put(key, entry);
                }
            }
        });
    }
}
