package org.onlabel.provenance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.error.ProblemType;
import org.onlabel.common.security.AccessPolicy;
import org.onlabel.common.security.Caller;
import org.onlabel.common.security.Viewer;

/** Records derivations and answers lineage, history and PROV questions about them. */
@ApplicationScoped
public class ProvenanceService {
    private final ProvenanceRepository repository;
    private final PartitionRepository partitions;
    private final AccessPolicy policy;
    private final OnLabelConfig config;

    public ProvenanceService(ProvenanceRepository repository, PartitionRepository partitions, AccessPolicy policy,
            OnLabelConfig config) {
        this.repository = repository;
        this.partitions = partitions;
        this.policy = policy;
        this.config = config;
    }

    /**
     * Records how a new dataset was made. Parents must exist and be visible to the caller; a derivation that would
     * close a cycle is refused with 409.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, long datasetId, String datasetKey, Provenance provenance) {
        record(caller, datasetId, datasetKey, provenance, true);
    }

    /**
     * Records how a dataset inserted in this very transaction was made. No other transaction can see it yet, so no
     * derivation can lead into it and none of its edges can close a cycle: it needs neither the cycle check nor the
     * derivation lock, which would otherwise serialise every derived create until its transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordNew(Caller caller, long datasetId, String datasetKey, Provenance provenance) {
        record(caller, datasetId, datasetKey, provenance, false);
    }

    private void record(Caller caller, long datasetId, String datasetKey, Provenance provenance, boolean mayHaveChildren) {
        Viewer viewer = Viewer.of(caller);
        List<Long> parentIds = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (mayHaveChildren && !provenance.derivedFrom().isEmpty()) {
            repository.lockDerivations();
        }
        for (int i = 0; i < provenance.derivedFrom().size(); i++) {
            ParentRef parent = provenance.derivedFrom().get(i);
            String field = "derivedFrom[" + i + "].key";
            if (parent.key().equals(datasetKey)) {
                throw new ApiException(ProblemType.CONFLICT, "A dataset cannot be derived from itself ('" + datasetKey + "')");
            }
            if (!seen.add(parent.key())) {
                errors.add(new FieldError(field, "parent '" + parent.key() + "' is listed twice"));
                continue;
            }
            var id = repository.visibleId(parent.key(), viewer);
            if (id.isEmpty()) {
                errors.add(new FieldError(field, "no dataset '" + parent.key() + "'"));
                continue;
            }
            if (mayHaveChildren && repository.isSelfOrAncestor(datasetId, id.get())) {
                throw new ApiException(ProblemType.CONFLICT, "Deriving '" + datasetKey + "' from '" + parent.key()
                        + "' would make a cycle: '" + datasetKey + "' is already an ancestor of '" + parent.key() + "'");
            }
            parentIds.add(id.get());
            versions.add(parent.version());
        }
        PartitionOf partition = provenance.partitionOf();
        int partitioned = partition == null ? -1 : provenance.derivedFrom().stream().map(ParentRef::key).toList()
                .indexOf(partition.dataset());
        if (partition != null && partitioned < 0) {
            errors.add(new FieldError("partitionOf.dataset", "must be one of derivedFrom: a dataset is a part of a "
                    + "partition of one of its parents"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        repository.insertParents(datasetId, parentIds, versions);
        repository.insertSteps(datasetId, provenance.preprocessing());
        if (partition != null) {
            partitions.insert(datasetId, parentIds.get(partitioned), partition);
        }
    }

    /** The own provenance of each dataset, for responses. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Provenance> ofDatasets(List<Long> ids) {
        Map<Long, List<ParentRef>> parents = repository.parentsOf(ids);
        Map<Long, List<PreprocessingStep>> steps = repository.stepsOf(ids);
        Map<Long, PartitionOf> declared = partitions.of(ids);
        Map<Long, Provenance> out = new LinkedHashMap<>();
        for (Long id : ids) {
            out.put(id, new Provenance(parents.getOrDefault(id, List.of()), steps.getOrDefault(id, List.of()),
                    declared.get(id)));
        }
        return out;
    }

    /** The partitions declared by these datasets (by key), for the leakage rules. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, PartitionOf> partitionsOf(java.util.Collection<Long> ids) {
        return partitions.of(ids);
    }

    @Transactional
    public Lineage lineage(Caller caller, String key, String direction, Integer depth, Integer limit) {
        policy.requireRead(caller);
        Viewer viewer = Viewer.of(caller);
        long rootId = rootId(key, viewer);
        int maxDepth = clamp(depth, config.lineage().defaultDepth(), config.lineage().maxDepth(), "depth");
        int maxNodes = clamp(limit, config.lineage().defaultNodes(), config.lineage().maxNodes(), "limit");
        List<ProvenanceRepository.NodeRow> rows = new ArrayList<>();
        boolean truncated = false;
        Set<Long> ids = new HashSet<>();
        List<ProvenanceRepository.Direction> directions = switch (direction == null ? "upstream" : direction) {
            case "upstream" -> List.of(ProvenanceRepository.Direction.UPSTREAM);
            case "downstream" -> List.of(ProvenanceRepository.Direction.DOWNSTREAM);
            case "both" -> List.of(ProvenanceRepository.Direction.UPSTREAM, ProvenanceRepository.Direction.DOWNSTREAM);
            default -> throw ApiException.validation(List.of(new FieldError("direction",
                    "must be upstream, downstream or both")));
        };
        for (ProvenanceRepository.Direction d : directions) {
            List<ProvenanceRepository.NodeRow> walked = repository.walk(rootId, d, maxDepth, maxNodes + 1, viewer);
            if (walked.size() > maxNodes) {
                truncated = true;
                walked = walked.subList(0, maxNodes);
            }
            for (ProvenanceRepository.NodeRow row : walked) {
                if (ids.add(row.id())) {
                    rows.add(d == ProvenanceRepository.Direction.DOWNSTREAM && row.depth() > 0
                            ? new ProvenanceRepository.NodeRow(row.id(), row.key(), row.title(), -row.depth(),
                                    row.registered(), row.status(), row.organization())
                            : row);
                }
            }
        }
        Map<Long, String> keys = new LinkedHashMap<>();
        rows.forEach(r -> keys.put(r.id(), r.key()));
        Map<Long, List<PreprocessingStep>> steps = repository.stepsOf(keys.keySet());
        List<LineageEdge> edges = new ArrayList<>();
        for (ProvenanceRepository.EdgeRow e : repository.edgesAmong(keys.keySet())) {
            edges.add(new LineageEdge(keys.get(e.parentId()), keys.get(e.childId()), steps.getOrDefault(e.childId(), List.of())));
        }
        List<LineageNode> nodes = rows.stream()
                .map(r -> new LineageNode(r.key(), r.title(), r.depth(), r.registered(), r.status()))
                .toList();
        return new Lineage(key, direction == null ? "upstream" : direction, nodes, edges, truncated);
    }

    @Transactional
    public History history(Caller caller, String key) {
        policy.requireRead(caller);
        Upstream up = upstream(key, Viewer.of(caller));
        Map<String, List<String>> paths = up.graph().upstreamPaths();
        List<HistoryEntry> entries = new ArrayList<>();
        for (String dataset : up.graph().sourcesToRoot()) {
            List<PreprocessingStep> own = up.steps().getOrDefault(up.idOf().get(dataset), List.of());
            for (int i = 0; i < own.size(); i++) {
                PreprocessingStep s = own.get(i);
                entries.add(new HistoryEntry(dataset, i, s.step(), s.parameters(), s.software(), s.description(), paths.get(dataset)));
            }
        }
        List<String> unregistered = up.nodes().stream().filter(n -> !n.registered()).map(ProvenanceRepository.NodeRow::key).toList();
        return new History(key, entries, unregistered, up.truncated());
    }

    @Transactional
    public Map<String, Object> prov(Caller caller, String key, String datasetBaseUrl) {
        policy.requireRead(caller);
        Upstream up = upstream(key, Viewer.of(caller));
        return new ProvJsonWriter(datasetBaseUrl).write(up.graph(), up.nodes(), up.steps(), up.idOf());
    }

    /**
     * Everything upstream of a dataset, as far as the configured maximum depth and node count allow;
     * {@code truncated} says that there is more beyond them.
     */
    public record Upstream(LineageGraph graph, List<ProvenanceRepository.NodeRow> nodes, Map<String, Long> idOf,
            Map<Long, List<PreprocessingStep>> steps, boolean truncated) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Upstream upstream(String key, Viewer viewer) {
        int maxDepth = config.lineage().maxDepth();
        int maxNodes = config.lineage().maxNodes();
        List<ProvenanceRepository.UpstreamRow> rows = repository.upstreamOf(key, maxDepth, maxNodes + 1, viewer);
        if (rows.isEmpty()) {
            throw ApiException.notFound("Dataset '" + key + "'");
        }
        boolean truncated = rows.size() > maxNodes;
        if (truncated) {
            rows = rows.subList(0, maxNodes);
        } else {
            truncated = rows.stream().anyMatch(r -> r.node().depth() == maxDepth && !r.parentIds().isEmpty());
        }
        Map<String, Long> idOf = new LinkedHashMap<>();
        Map<Long, String> keyOf = new LinkedHashMap<>();
        Map<Long, List<PreprocessingStep>> steps = new LinkedHashMap<>();
        List<ProvenanceRepository.NodeRow> nodes = new ArrayList<>();
        for (ProvenanceRepository.UpstreamRow r : rows) {
            nodes.add(r.node());
            idOf.put(r.node().key(), r.node().id());
            keyOf.put(r.node().id(), r.node().key());
            if (!r.steps().isEmpty()) {
                steps.put(r.node().id(), r.steps());
            }
        }
        // the edges among the datasets reached, in the order edgesAmong gives them: by child id, then as declared
        List<LineageGraph.Edge> edges = new ArrayList<>();
        rows.stream().sorted(java.util.Comparator.comparingLong(r -> r.node().id())).forEach(r -> r.parentIds().stream()
                .filter(keyOf::containsKey)
                .forEach(parent -> edges.add(new LineageGraph.Edge(keyOf.get(parent), r.node().key()))));
        LineageGraph graph = new LineageGraph(key, idOf.keySet(), edges);
        return new Upstream(graph, nodes, idOf, steps, truncated);
    }

    private long rootId(String key, Viewer viewer) {
        return repository.visibleId(key, viewer).orElseThrow(() -> ApiException.notFound("Dataset '" + key + "'"));
    }

    private static int clamp(Integer requested, int byDefault, int max, String field) {
        if (requested == null) {
            return Math.min(byDefault, max);
        }
        if (requested < 1) {
            throw ApiException.validation(List.of(new FieldError(field, "must be at least 1")));
        }
        return Math.min(requested, max);
    }
}
