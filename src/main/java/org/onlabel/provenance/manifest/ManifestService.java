package org.onlabel.provenance.manifest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.paging.Cursor;
import org.onlabel.common.security.AccessPolicy;
import org.onlabel.common.security.Caller;
import org.onlabel.common.security.Viewer;
import org.onlabel.dataset.DatasetService;
import org.onlabel.provenance.ProvenanceService;

/**
 * Subject (study, image) manifests: registered by the owning organization, readable by it and admins; their
 * overlaps (counts only) by anyone who may see both datasets.
 */
@ApplicationScoped
public class ManifestService {
    private static final int MAX_PAGE = 10_000;

    private final ManifestRepository repository;
    private final DatasetService datasets;
    private final ProvenanceService provenance;
    private final AccessPolicy policy;
    private final OnLabelConfig config;

    public ManifestService(ManifestRepository repository, DatasetService datasets, ProvenanceService provenance,
            AccessPolicy policy, OnLabelConfig config) {
        this.repository = repository;
        this.datasets = datasets;
        this.provenance = provenance;
        this.policy = policy;
        this.config = config;
    }

    /**
     * Replaces the dataset's manifest of the body's level; a refused body changes nothing. A million ids take
     * longer than the default 60 s transaction timeout on a busy machine, hence the longer one.
     */
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 900)
    public ManifestSummary register(Caller caller, String key, InputStream body) {
        DatasetService.DatasetRef dataset = require(caller, key);
        policy.requireManifestWrite(caller, dataset.organization());
        if (!dataset.registered()) {
            throw ApiException.notFound("Dataset '" + key + "'");
        }
        ManifestReader reader = new ManifestReader(config.manifest().maxIds());
        int pooledTimeout = repository.extendNetworkTimeoutForUpload();
        try {
            ManifestReader.Header header = repository.stage(sink -> reader.read(body, sink));
            ManifestRepository.Stored stored = repository.replaceWithStaged(dataset.id(), header.level(),
                    header.salt(), caller.name(), Instant.now().truncatedTo(ChronoUnit.MICROS));
            return ManifestSummary.of(dataset.key(), stored);
        } finally {
            repository.restoreNetworkTimeout(pooledTimeout);
        }
    }

    @Transactional
    public ManifestPage read(Caller caller, String key, String level, String cursor, int limit) {
        DatasetService.DatasetRef dataset = require(caller, key);
        policy.requireManifestRead(caller, dataset.organization());
        String wanted = level == null ? "subject" : level;
        if (!ManifestReader.LEVELS.contains(wanted)) {
            throw ApiException.validation(List.of(new FieldError("level", "must be subject, study or image")));
        }
        ManifestRepository.Stored manifest = repository.of(dataset.id(), wanted).orElseThrow(() -> ApiException
                .notFound("A " + wanted + " manifest of dataset '" + key + "'"));
        String after = Cursor.decode(cursor).orElse(null);
        int size = Math.min(Math.max(limit, 1), MAX_PAGE);
        List<String> page = repository.hashes(manifest.id(), after, size + 1);
        boolean more = page.size() > size;
        List<String> items = more ? page.subList(0, size) : page;
        return new ManifestPage(ManifestSummary.of(dataset.key(), manifest), List.copyOf(items),
                more ? Cursor.encode(items.get(items.size() - 1)) : null);
    }

    /** Every dataset the caller may see that shares identifiers with this one, most shared first. */
    @Transactional
    public Overlap.Listing overlaps(Caller caller, String key) {
        DatasetService.DatasetRef dataset = require(caller, key);
        Viewer viewer = Viewer.of(caller);
        List<ManifestRepository.OverlapRow> rows = repository.overlaps(dataset.id(), viewer);
        Set<String> mine = rows.isEmpty() ? Set.of() : lineage(dataset.key(), viewer);
        List<Overlap> items = new ArrayList<>();
        for (ManifestRepository.OverlapRow r : rows) {
            Set<String> theirs = lineage(r.otherKey(), viewer);
            theirs.retainAll(mine);
            items.add(new Overlap(r.otherKey(), r.otherTitle(), r.level(), r.salt(), r.shared(),
                    fraction(r.shared(), r.count()), fraction(r.shared(), r.otherCount()), !theirs.isEmpty()));
        }
        return new Overlap.Listing(dataset.key(), items);
    }

    private Set<String> lineage(String key, Viewer viewer) {
        return new HashSet<>(provenance.upstream(key, viewer).idOf().keySet());
    }

    private static double fraction(long shared, long of) {
        return of == 0 ? 0 : Math.round(1_000_000.0 * shared / of) / 1_000_000.0;
    }

    private DatasetService.DatasetRef require(Caller caller, String key) {
        policy.requireRead(caller);
        return datasets.resolve(caller, key).orElseThrow(() -> ApiException.notFound("Dataset '" + key + "'"));
    }
}
