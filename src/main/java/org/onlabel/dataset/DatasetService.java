package org.onlabel.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.onlabel.audit.AuditEventResponse;
import org.onlabel.audit.AuditService;
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

    public DatasetService(DatasetRepository repository, Vocabularies vocabularies, AccessPolicy policy,
            AuditService audit) {
        this.repository = repository;
        this.validator = new DatasetValidator(vocabularies);
        this.mapper = new DatasetMapper(vocabularies);
        this.policy = policy;
        this.audit = audit;
    }

    @Transactional
    public Versioned create(Caller caller, DatasetRequest request) {
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
        repository.persistAndFlush(dataset);
        DatasetResponse created = DatasetMapper.toResponse(dataset);
        audit.record(caller, CREATED, dataset.key, dataset.organization, null, created);
        return new Versioned(created, dataset.revision);
    }

    @Transactional
    public Versioned get(Caller caller, String key) {
        Dataset dataset = findVisible(caller, key);
        return new Versioned(DatasetMapper.toResponse(dataset), dataset.revision);
    }

    @Transactional
    public Versioned update(Caller caller, String key, String ifMatch, DatasetRequest request) {
        Dataset dataset = findVisible(caller, key);
        policy.requireUpdate(caller, dataset.organization, request.organization());
        ETags.requireMatch(ifMatch, dataset.revision);
        if (request.key() != null && !request.key().equals(key)) {
            throw ApiException.validation(List.of(new FieldError("key",
                    "keys are immutable: the body names '" + request.key() + "' but the path names '" + key + "'")));
        }
        validate(request);
        DatasetResponse before = DatasetMapper.toResponse(dataset);
        String owner = dataset.organization;
        mapper.apply(request, dataset);
        dataset.organization = request.organization() == null ? owner : request.organization();
        dataset.updatedAt = now();
        repository.flush();
        DatasetResponse after = DatasetMapper.toResponse(dataset);
        audit.record(caller, UPDATED, dataset.key, dataset.organization, before, after);
        return new Versioned(after, dataset.revision);
    }

    @Transactional
    public Page<DatasetResponse> list(Caller caller, DatasetQuery query) {
        policy.requireRead(caller);
        List<FieldError> errors = validator.validate(query);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        DatasetQuery onePastPage = query.withLimit(query.limit() + 1);
        List<Dataset> rows = repository.list(onePastPage, Viewer.of(caller));
        boolean more = rows.size() > query.limit();
        List<Dataset> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? Cursor.encode(page.get(page.size() - 1).key) : null;
        return new Page<>(page.stream().map(DatasetMapper::toResponse).toList(), next);
    }

    @Transactional
    public Page<AuditEventResponse> auditTrail(Caller caller, String key, String cursor, int limit) {
        policy.requireAuthenticated(caller);
        Dataset dataset = findVisible(caller, key);
        policy.requireAuditRead(caller, dataset.organization);
        return audit.list(dataset.key, cursor, limit);
    }

    @Transactional
    public long count() {
        return repository.count();
    }

    private void validate(DatasetRequest request) {
        List<FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    /** The dataset if the caller may see it; 404 alike for one that does not exist and one under embargo. */
    private Dataset findVisible(Caller caller, String key) {
        policy.requireRead(caller);
        Optional<Dataset> found = DatasetKey.isValid(key) ? repository.findByKey(key) : Optional.empty();
        return found.filter(d -> policy.canSee(caller, d.visibility, d.organization))
                .orElseThrow(() -> ApiException.notFound("Dataset '" + key + "'"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
