package org.onlabel.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.error.ProblemType;
import org.onlabel.common.http.ETags;
import org.onlabel.common.paging.Cursor;
import org.onlabel.common.paging.Page;
import org.onlabel.vocabulary.Vocabularies;

/** The catalog's use cases. Owns the transactions; resources only translate HTTP. */
@ApplicationScoped
public class DatasetService {

    /** A dataset as stored, with the revision its ETag is made from. */
    public record Versioned(DatasetResponse dataset, long revision) {
        public String etag() {
            return ETags.of(revision);
        }
    }

    private final DatasetRepository repository;
    private final DatasetValidator validator;
    private final DatasetMapper mapper;

    public DatasetService(DatasetRepository repository, Vocabularies vocabularies) {
        this.repository = repository;
        this.validator = new DatasetValidator(vocabularies);
        this.mapper = new DatasetMapper(vocabularies);
    }

    @Transactional
    public Versioned create(DatasetRequest request) {
        if (request.key() == null) {
            throw ApiException.validation(List.of(new FieldError("key", "must not be null")));
        }
        validate(request);
        if (repository.existsByKey(request.key())) {
            throw new ApiException(ProblemType.CONFLICT, "A dataset with key '" + request.key() + "' already exists");
        }
        Dataset dataset = new Dataset();
        dataset.key = request.key();
        mapper.apply(request, dataset);
        dataset.createdAt = now();
        dataset.updatedAt = dataset.createdAt;
        repository.persistAndFlush(dataset);
        return versioned(dataset);
    }

    @Transactional
    public Versioned get(String key) {
        return versioned(find(key));
    }

    @Transactional
    public Versioned update(String key, String ifMatch, DatasetRequest request) {
        Dataset dataset = find(key);
        ETags.requireMatch(ifMatch, dataset.revision);
        if (request.key() != null && !request.key().equals(key)) {
            throw ApiException.validation(List.of(new FieldError("key",
                    "keys are immutable: the body names '" + request.key() + "' but the path names '" + key + "'")));
        }
        validate(request);
        mapper.apply(request, dataset);
        dataset.updatedAt = now();
        repository.flush();
        return versioned(dataset);
    }

    @Transactional
    public Page<DatasetResponse> list(DatasetQuery query) {
        List<FieldError> errors = validator.validate(query);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        DatasetQuery onePastPage = new DatasetQuery(query.text(), query.modality(), query.anatomy(), query.task(),
                query.license(), query.status(), query.organization(), query.after(), query.limit() + 1);
        List<Dataset> rows = repository.list(onePastPage);
        boolean more = rows.size() > query.limit();
        List<Dataset> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? Cursor.encode(page.get(page.size() - 1).key) : null;
        return new Page<>(page.stream().map(DatasetMapper::toResponse).toList(), next);
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

    private Dataset find(String key) {
        Optional<Dataset> found = DatasetKey.isValid(key) ? repository.findByKey(key) : Optional.empty();
        return found.orElseThrow(() -> ApiException.notFound("Dataset '" + key + "'"));
    }

    private static Versioned versioned(Dataset d) {
        return new Versioned(DatasetMapper.toResponse(d), d.revision);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
