package org.onlabel.dataset;

import org.onlabel.common.security.Viewer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.onlabel.audit.AuditEventResponse;
import org.onlabel.common.idempotency.IdempotencyStore;
import org.onlabel.license.DerivationLicenseCheck;
import org.onlabel.provenance.Provenance;
import org.onlabel.provenance.ProvenanceService;
import org.onlabel.audit.AuditService;
import org.onlabel.audit.AuditSubject;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.error.ProblemType;
import org.onlabel.common.http.ETags;
import org.onlabel.common.paging.Cursor;
import org.onlabel.common.paging.Page;
import org.onlabel.common.security.AccessPolicy;
import org.onlabel.common.security.Caller;
import org.onlabel.vocabulary.Vocabularies;

/**
 * The catalog's use cases. Owns the transactions and asks {@link AccessPolicy} on every operation; resources only
 * translate HTTP. Every mutation writes its audit event in the same transaction.
 */
@ApplicationScoped
public class DatasetService {
    static final String CREATED = "dataset.created";
    static final String UPDATED = "dataset.updated";

    /** A dataset as stored, with the revision its ETag is made from. */
    public record Versioned(DatasetResponse dataset, long revision) {
        public String etag() {
            return ETags.of(revision);
        }
    }

    private final DatasetRepository repository;
    private final DatasetValidator validator;
    private final DatasetMapper mapper;
    private final AccessPolicy policy;
    private final AuditService audit;
    private final ProvenanceService provenance;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;
    private final DerivationLicenseCheck derivationLicenses;
    private final jakarta.validation.Validator constraints;
    private final RegistrationReview review;

    public DatasetService(DatasetRepository repository, Vocabularies vocabularies, AccessPolicy policy,
            AuditService audit, ProvenanceService provenance, IdempotencyStore idempotency, ObjectMapper json,
            DerivationLicenseCheck derivationLicenses, jakarta.validation.Validator constraints,
            RegistrationReview review) {
        this.review = review;
        this.constraints = constraints;
        this.derivationLicenses = derivationLicenses;
        this.repository = repository;
        this.validator = new DatasetValidator(vocabularies);
        this.mapper = new DatasetMapper(vocabularies);
        this.policy = policy;
        this.audit = audit;
        this.provenance = provenance;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** The outcome of a create: a new dataset, or the replay of the response first given to the same Idempotency-Key. */
    public record Created(Versioned dataset, IdempotencyStore.StoredResponse replay) {
    }

    /**
     * Registers a dataset, idempotently when an Idempotency-Key is given: the same key and body give the first
     * response again, the same key with another body is a conflict.
     */
    @Transactional
    public Created create(Caller caller, DatasetRequest request, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Created(create(caller, request), null);
        }
        policy.requireCreate(caller, request.organization());
        IdempotencyStore.Claim claim = idempotency.claim(caller.name(), idempotencyKey, canonicalJson(request));
        if (!claim.owned()) {
            return new Created(null, claim.replay());
        }
        Versioned created = create(caller, request);
        idempotency.complete(caller.name(), idempotencyKey, new IdempotencyStore.StoredResponse(201,
                canonicalJson(created.dataset()), created.etag(), created.dataset().key()));
        return new Created(created, null);
    }

    private String canonicalJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Versioned create(Caller caller, DatasetRequest request) {
        return create(caller, request, null, null);
    }

    private Versioned create(Caller caller, DatasetRequest request, String lineageNamespace, String lineageName) {
        Optional<String> owner = policy.requireCreate(caller, request.organization());
        if (request.key() == null) {
            throw ApiException.validation(List.of(new FieldError("key", "must not be null")));
        }
        validate(request);
        if (repository.existsByKey(request.key())) {
            // an embargoed key of another organization is taken all the same; saying so reveals only the key
            throw new ApiException(ProblemType.CONFLICT, "A dataset with key '" + request.key() + "' already exists");
        }
        Dataset dataset = new Dataset();
        dataset.key = request.key();
        mapper.apply(request, dataset);
        dataset.organization = owner.orElse(null);
        dataset.createdBy = caller.name();
        dataset.createdAt = now();
        dataset.updatedAt = dataset.createdAt;
        dataset.lineageNamespace = lineageNamespace;
        dataset.lineageName = lineageName;
        repository.persistAndFlush(dataset);
        Provenance declared = request.provenance();
        provenance.recordNew(caller, dataset.id, dataset.key, declared);
        changed(dataset, true);
        DatasetResponse created = toResponse(dataset);
        audit.record(caller, CREATED, AuditSubject.dataset(dataset.key), dataset.organization, null, created);
        // after the audit event, which records the dataset and not the advice given to its writer
        return new Versioned(created.withWarnings(review.review(caller, dataset.key)), dataset.revision);
    }

    @Transactional
    public Versioned get(Caller caller, String key) {
        policy.requireRead(caller);
        StoredDataset stored = (DatasetKey.isValid(key) ? rows.byKey(key) : Optional.<StoredDataset>empty())
                .filter(d -> policy.canSee(caller, d.dataset().visibility(), d.dataset().organization()))
                .orElseThrow(() -> ApiException.notFound("Dataset '" + key + "'"));
        if (REMOVED_STATUS.equals(stored.dataset().status())) {
            throw removed(key, stored.removedAt());
        }
        return new Versioned(withLicenseFindings(stored, licenseTableFor(List.of(stored))), stored.revision());
    }

    /**
     * The same answer as {@link #get} read through the entity, as the write path reads a dataset before changing it:
     * what tests compare the one-statement read with.
     */
    @Transactional
    Versioned readThroughEntity(Caller caller, String key) {
        policy.requireRead(caller);
        Dataset dataset = requireNotRemoved(visibleOr404(caller, key,
                DatasetKey.isValid(key) ? repository.findByKeyForRead(key) : Optional.empty()));
        return new Versioned(toResponse(dataset), dataset.revision);
    }

    /**
     * The ETag of a dataset the caller may see and that is not removed, read without loading the dataset: lets a
     * conditional GET answer 304 at the cost of a primary-key lookup. Empty when a full read must decide.
     */
    @Transactional
    public Optional<String> currentETag(Caller caller, String key) {
        policy.requireRead(caller);
        return (DatasetKey.isValid(key) ? repository.findHead(key) : Optional.<DatasetRepository.Head>empty())
                .filter(h -> !REMOVED_STATUS.equals(h.status()))
                .filter(h -> policy.canSee(caller, h.visibility(), h.organization()))
                .map(h -> ETags.of(h.revision()));
    }

    @Transactional
    public Versioned update(Caller caller, String key, String ifMatch, DatasetRequest request) {
        Dataset dataset = requireNotRemoved(findVisible(caller, key));
        policy.requireUpdate(caller, dataset.organization, request.organization());
        ETags.requireMatch(ifMatch, dataset.revision);
        if (request.key() != null && !request.key().equals(key)) {
            throw ApiException.validation(List.of(new FieldError("key",
                    "keys are immutable: the body names '" + request.key() + "' but the path names '" + key + "'")));
        }
        validate(request);
        DatasetResponse before = toResponse(dataset);
        requireSameProvenance(request, before);
        String owner = dataset.organization;
        mapper.apply(request, dataset);
        dataset.organization = request.organization() == null ? owner : request.organization();
        dataset.updatedAt = now();
        repository.flush();
        changed(dataset, false);
        DatasetResponse after = toResponse(dataset);
        audit.record(caller, UPDATED, AuditSubject.dataset(dataset.key), dataset.organization, before, after);
        return new Versioned(after.withWarnings(review.review(caller, dataset.key)), dataset.revision);
    }

    static final String RETRACTED = "dataset.retracted";
    static final String DEPRECATED = "dataset.deprecated";
    static final String REMOVED = "dataset.removed";
    static final String REMOVED_STATUS = "removed";
    static final String REMOVED_TITLE = "(removed)";

    /**
     * Retracts or deprecates a dataset (owner organization's curators, or admins). Every descendant's checks then
     * name it. A retraction is final; a deprecation can be followed by a retraction.
     */
    @Transactional
    public Versioned changeStatus(Caller caller, String key, String status, StatusChange change) {
        Dataset dataset = requireNotRemoved(findVisible(caller, key));
        policy.requireUpdate(caller, dataset.organization, null);
        if ("retracted".equals(dataset.status) || dataset.status.equals(status)) {
            throw new ApiException(ProblemType.CONFLICT, "Dataset '" + key + "' is already " + dataset.status);
        }
        if (change.supersededBy() != null) {
            if ("retracted".equals(status)) {
                throw ApiException.validation(List.of(new FieldError("supersededBy", "only a deprecation names a replacement")));
            }
            if (resolve(caller, change.supersededBy()).isEmpty() || change.supersededBy().equals(key)) {
                throw ApiException.validation(List.of(new FieldError("supersededBy", "no dataset '" + change.supersededBy() + "'")));
            }
        }
        DatasetResponse before = toResponse(dataset);
        dataset.status = status;
        dataset.statusReason = change.reason();
        dataset.supersededBy = change.supersededBy();
        dataset.updatedAt = now();
        repository.flush();
        changed(dataset, false);
        DatasetResponse after = toResponse(dataset);
        audit.record(caller, "retracted".equals(status) ? RETRACTED : DEPRECATED, AuditSubject.dataset(key), dataset.organization, before, after);
        return new Versioned(after, dataset.revision);
    }

    /**
     * Admin removal: the dataset becomes a tombstone. Its content is cleared, its key stays taken, its provenance
     * (edges and steps) stays so that descendants still see a {@code removed} ancestor, the earlier audit events of
     * it lose their values (see {@link AuditService#redact}), stored idempotent replays of it are dropped, and one
     * audit event records who removed it and why.
     */
    @Transactional
    public void remove(Caller caller, String key, String reason) {
        policy.requireAdmin(caller);
        Dataset dataset = requireNotRemoved(findVisible(caller, key));
        String previousStatus = dataset.status;
        Instant at = now();
        dataset.title = REMOVED_TITLE;
        dataset.description = null;
        dataset.version = null;
        dataset.publisher = null;
        dataset.doi = null;
        dataset.homepage = null;
        dataset.modalities = new java.util.ArrayList<>();
        dataset.anatomy = new java.util.ArrayList<>();
        dataset.formats = new java.util.ArrayList<>();
        dataset.subjects = null;
        dataset.cohort = null;
        dataset.representation = null;
        dataset.deidentification = new java.util.ArrayList<>();
        dataset.license = null;
        dataset.dataUse = new java.util.ArrayList<>();
        dataset.intendedUses = new java.util.ArrayList<>();
        dataset.contraindications = new java.util.ArrayList<>();
        dataset.extras = null;
        dataset.lineageName = null;
        dataset.lineageNamespace = null;
        dataset.supersededBy = null;
        dataset.status = REMOVED_STATUS;
        dataset.statusReason = reason;
        dataset.removedAt = at;
        dataset.removedBy = caller.name();
        dataset.updatedAt = at;
        repository.flush();
        changed(dataset, false);
        audit.redact(caller, AuditSubject.dataset(key), reason, at);
        idempotency.forgetResponsesFor(key);
        audit.record(caller, REMOVED, AuditSubject.dataset(key), dataset.organization,
                Map.of("status", previousStatus), Map.of("status", REMOVED_STATUS, "statusReason", reason));
    }

    private static Dataset requireNotRemoved(Dataset dataset) {
        if (REMOVED_STATUS.equals(dataset.status)) {
            throw removed(dataset.key, dataset.removedAt);
        }
        return dataset;
    }

    private static ApiException removed(String key, Instant removedAt) {
        return new ApiException(ProblemType.GONE, "Dataset '" + key + "' was removed by an administrator on "
                + removedAt + "; its key stays taken");
    }

    @Transactional
    public Page<DatasetResponse> list(Caller caller, DatasetQuery query) {
        policy.requireRead(caller);
        List<FieldError> errors = validator.validate(query);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        DatasetQuery onePastPage = query.withLimit(query.limit() + 1);
        List<DatasetRepository.Listed> rows = listFresh(onePastPage, Viewer.of(caller));
        boolean more = rows.size() > query.limit();
        List<DatasetRepository.Listed> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? Cursor.encode(page.get(page.size() - 1).dataset().key()) : null;
        org.onlabel.license.LicenseAttributeTable table = licenseTableFor(page.stream().map(DatasetRepository.Listed::dataset).toList());
        return new Page<>(page.stream().map(r -> withLicenseFindings(r.dataset(), table).withVerdict(r.verdict()))
                .toList(), next);
    }

    /**
     * One page of a list; with fitFor or task, each row carries its stored verdict for that task. Read-your-writes:
     * a write marks the verdicts it invalidates stale in its own transaction, so a page whose candidates include
     * stale rows has them recomputed (committed, for everyone) and is asked again; a verdict made stale by an
     * acknowledged write is never answered. The effort is bounded ({@link FreshPage}); past it, the rows still stale
     * are left out.
     */
    private List<DatasetRepository.Listed> listFresh(DatasetQuery query, Viewer viewer) {
        Optional<String> task = query.verdictTask().map(validator::taskId);
        if (task.isEmpty()) {
            return repository.listWithVerdicts(query, viewer, Optional.empty(), List.of());
        }
        DatasetQuery canonical = query.withFitFor(query.fitFor().map(validator::taskId));
        List<String> views = org.onlabel.common.security.VerdictViews.forViewer(viewer);
        return FreshPage.of(() -> repository.listWithVerdicts(canonical, viewer, task, views), verdictRefresh::refresh,
                System::nanoTime, config.verdicts().listRecomputeBudget());
    }

    @jakarta.inject.Inject
    org.onlabel.common.config.OnLabelConfig config;

    @jakarta.inject.Inject
    VerdictRefresh verdictRefresh;

    @jakarta.inject.Inject
    DatasetRows rows;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<DatasetChanged> changes;

    /** Tells the slices that keep derived data (stored verdicts) that this dataset's facts changed, in this transaction. */
    private void changed(Dataset dataset, boolean created) {
        changes.fire(new DatasetChanged(dataset.id, created));
    }

    @Transactional
    public Page<AuditEventResponse> auditTrail(Caller caller, String key, String cursor, int limit) {
        policy.requireAuthenticated(caller);
        Dataset dataset = findVisible(caller, key);
        policy.requireAuditRead(caller, dataset.organization);
        return audit.list(AuditSubject.dataset(dataset.key), cursor, limit);
    }

    /** What other slices need to know about a dataset they refer to. */
    public record DatasetRef(long id, String key, boolean registered, String organization, Provenance provenance) {
    }

    /** The dataset with this key, if the caller may see it. */
    @Transactional
    public Optional<DatasetRef> resolve(Caller caller, String key) {
        return visible(caller, DatasetKey.isValid(key) ? repository.findByKey(key) : Optional.empty()).map(this::ref);
    }

    /**
     * The key, if the caller may see a dataset with it: as {@link #resolve} decides, from the dataset's head row
     * only (a check needs no more to go on; {@code resolve} loads the dataset and its provenance).
     */
    @Transactional
    public Optional<String> visibleKey(Caller caller, String key) {
        policy.requireRead(caller);
        return (DatasetKey.isValid(key) ? repository.findHead(key) : Optional.<DatasetRepository.Head>empty())
                .filter(h -> policy.canSee(caller, h.visibility(), h.organization()))
                .map(h -> key);
    }

    /** The dataset known under this OpenLineage identity, if the caller may see it. */
    @Transactional
    public Optional<DatasetRef> resolveLineageIdentity(Caller caller, String namespace, String name) {
        return visible(caller, repository.findByLineageIdentity(namespace, name)).map(this::ref);
    }

    /** A dataset with this DOI or homepage URL, if the caller may see one. */
    @Transactional
    public Optional<DatasetRef> resolveDoiOrUrl(Caller caller, String doi, String url) {
        return repository.findByDoiOrHomepage(DatasetMapper.normalizeDoi(doi), url).stream()
                .filter(d -> policy.canSee(caller, d.visibility, d.organization))
                .findFirst().map(this::ref);
    }

    /**
     * A stub for a dataset seen only by name (an OpenLineage input, a BIDS source): registered = false, owned by
     * nobody, public. Lineage through it is never lost, and checks report it as unknown.
     */
    @Transactional
    public DatasetRef stub(Caller caller, String key, String title, String namespace, String name) {
        Optional<Dataset> existing = namespace == null ? repository.findByKey(key) : repository.findByLineageIdentity(namespace, name);
        if (existing.isPresent()) {
            return ref(existing.get());
        }
        if (repository.existsByKey(key)) {
            throw new ApiException(ProblemType.CONFLICT, "Key '" + key + "' is taken by another dataset");
        }
        Dataset stub = new Dataset();
        stub.key = key;
        stub.title = title;
        stub.status = "active";
        stub.visibility = "public";
        stub.registered = false;
        stub.lineageNamespace = namespace;
        stub.lineageName = name;
        stub.description = "Seen only by name; not registered in OnLabel.";
        stub.createdBy = caller.name();
        stub.createdAt = now();
        stub.updatedAt = stub.createdAt;
        repository.persistAndFlush(stub);
        changed(stub, true);
        audit.record(caller, CREATED, AuditSubject.dataset(stub.key), null, null, toResponse(stub));
        return ref(stub);
    }

    /** Registers a dataset that also carries an OpenLineage identity. */
    @Transactional
    public Versioned register(Caller caller, DatasetRequest request, String namespace, String name) {
        return create(caller, request, namespace, name);
    }

    /** Turns a stub into a registered dataset of the caller's organization, with the provenance now known. */
    @Transactional
    public DatasetRef completeStub(Caller caller, String key, Provenance declared) {
        Dataset dataset = repository.findByKey(key).orElseThrow(() -> ApiException.notFound("Dataset '" + key + "'"));
        if (dataset.registered) {
            throw new IllegalStateException(key + " is not a stub");
        }
        DatasetResponse before = toResponse(dataset);
        dataset.registered = true;
        dataset.organization = policy.requireCreate(caller, null).orElse(null);
        dataset.description = null;
        dataset.updatedAt = now();
        provenance.record(caller, dataset.id, dataset.key, declared);
        repository.flush();
        changed(dataset, false);
        audit.record(caller, UPDATED, AuditSubject.dataset(dataset.key), dataset.organization, before, toResponse(dataset));
        return ref(dataset);
    }

    private Optional<Dataset> visible(Caller caller, Optional<Dataset> found) {
        policy.requireRead(caller);
        return found.filter(d -> policy.canSee(caller, d.visibility, d.organization));
    }

    private DatasetRef ref(Dataset d) {
        return new DatasetRef(d.id, d.key, d.registered, d.organization,
                provenance.ofDatasets(List.of(d.id)).get(d.id));
    }

    @Transactional
    public long count() {
        return repository.count();
    }

    private DatasetResponse toResponse(Dataset dataset) {
        Provenance own = provenance.ofDatasets(List.of(dataset.id)).get(dataset.id);
        return toResponse(dataset, own, parentLicenses(List.of(own)));
    }

    /**
     * The licenses of the registered parents of some datasets (one query, none without parents) and the license
     * table (read once, only when there is a parent): what {@link #toResponse(Dataset, Provenance, ParentLicenses)}
     * needs for a whole page.
     */
    private record ParentLicenses(Map<String, String> byKey, org.onlabel.license.LicenseAttributeTable table) {
    }

    private ParentLicenses parentLicenses(java.util.Collection<Provenance> provenances) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        provenances.forEach(p -> p.derivedFrom().forEach(parent -> keys.add(parent.key())));
        if (keys.isEmpty()) {
            return new ParentLicenses(Map.of(), null);
        }
        return new ParentLicenses(repository.licensesOfRegistered(keys), derivationLicenses.table());
    }

    /**
     * The license rules of rules.md on each derivation edge into this dataset: known conflicts (standing
     * violations) and questions for the publisher (terms of a parent that are not recorded).
     */
    private DatasetResponse toResponse(Dataset child, Provenance own, ParentLicenses parents) {
        Map<String, String> parentLicenses = new java.util.LinkedHashMap<>();
        for (var parent : own.derivedFrom()) {
            if (parents.byKey().containsKey(parent.key())) {
                parentLicenses.put(parent.key(), parents.byKey().get(parent.key()));
            }
        }
        DerivationLicenseCheck.Assessment licenses = parentLicenses.isEmpty() ? DerivationLicenseCheck.Assessment.NONE
                : derivationLicenses.assess(child.license, parentLicenses, parents.table());
        return DatasetMapper.toResponse(child, own, views(licenses.conflicts()), views(licenses.questions()));
    }

    /** The license table (one primary-key read while it is cached) when one of these datasets has a registered parent. */
    private org.onlabel.license.LicenseAttributeTable licenseTableFor(List<StoredDataset> datasets) {
        return datasets.stream().allMatch(d -> d.parentLicenses().isEmpty()) ? null : derivationLicenses.table();
    }

    /**
     * The response of a dataset read by {@link DatasetRows}, with the license rules on its derivation edges;
     * {@code table} is null only when no dataset of the answer has a registered parent.
     */
    private DatasetResponse withLicenseFindings(StoredDataset stored, org.onlabel.license.LicenseAttributeTable table) {
        DatasetResponse d = stored.dataset();
        Map<String, String> parentLicenses = new java.util.LinkedHashMap<>();
        for (var parent : d.derivedFrom()) {
            if (stored.parentLicenses().containsKey(parent.key())) {
                parentLicenses.put(parent.key(), stored.parentLicenses().get(parent.key()));
            }
        }
        if (parentLicenses.isEmpty()) {
            return d;
        }
        DerivationLicenseCheck.Assessment licenses = derivationLicenses.assess(d.license(), parentLicenses, table);
        return d.withLicenseFindings(views(licenses.conflicts()), views(licenses.questions()));
    }

    private static List<DatasetResponse.LicenseConflictView> views(List<DerivationLicenseCheck.ParentConflict> found) {
        return found.stream().map(c -> new DatasetResponse.LicenseConflictView(c.conflict().ruleId(), c.parent(),
                c.conflict().message())).toList();
    }

    /** Provenance is immutable: an update may repeat it or leave it out, never change it. */
    private static void requireSameProvenance(DatasetRequest request, DatasetResponse stored) {
        boolean parentsChanged = request.derivedFrom() != null && !request.derivedFrom().equals(stored.derivedFrom());
        boolean stepsChanged = request.preprocessing() != null && !request.preprocessing().equals(stored.preprocessing());
        boolean partitionChanged = request.partitionOf() != null && !request.partitionOf().equals(stored.partitionOf());
        if (parentsChanged || stepsChanged || partitionChanged) {
            throw new ApiException(ProblemType.CONFLICT, "Provenance (derivedFrom, preprocessing, partitionOf) cannot change once "
                    + "registered; register a new dataset or version instead, and deprecate this one");
        }
    }

    /**
     * The same rules for every way a dataset is created or changed (API, BIDS, OpenLineage): the request's
     * constraints (sizes, patterns, single-line text), then vocabularies and consistency.
     */
    private void validate(DatasetRequest request) {
        var violations = constraints.validate(request);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        List<FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    /** The dataset if the caller may see it; 404 alike for one that does not exist and one under embargo. */
    private Dataset findVisible(Caller caller, String key) {
        policy.requireRead(caller);
        return visibleOr404(caller, key, DatasetKey.isValid(key) ? repository.findByKey(key) : Optional.empty());
    }

    private Dataset visibleOr404(Caller caller, String key, Optional<Dataset> found) {
        return found.filter(d -> policy.canSee(caller, d.visibility, d.organization))
                .orElseThrow(() -> ApiException.notFound("Dataset '" + key + "'"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
