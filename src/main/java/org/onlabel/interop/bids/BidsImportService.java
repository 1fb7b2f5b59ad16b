package org.onlabel.interop.bids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.security.AccessPolicy;
import org.onlabel.common.security.Caller;
import org.onlabel.dataset.DatasetKey;
import org.onlabel.dataset.DatasetRequest;
import org.onlabel.dataset.DatasetService;
import org.onlabel.interop.LineageKeys;
import org.onlabel.provenance.ParentRef;

/** Registers a dataset from its BIDS dataset_description.json; sources are matched by DOI or URL, else stubbed. */
@ApplicationScoped
public class BidsImportService {
    private final DatasetService datasets;
    private final AccessPolicy policy;
    private final BidsDescriptionMapper mapper;

    public BidsImportService(DatasetService datasets, AccessPolicy policy, ObjectMapper json) {
        this.datasets = datasets;
        this.policy = policy;
        this.mapper = new BidsDescriptionMapper(json);
    }

    @Transactional
    public DatasetService.Versioned importDescription(Caller caller, String key, JsonNode description) {
        // checked before any stub is made for a source
        policy.requireCreate(caller, null);
        if (key == null || !DatasetKey.isValid(key)) {
            throw ApiException.validation(List.of(new FieldError("key", "query parameter key must be a dataset slug")));
        }
        if (description == null || !description.isObject()) {
            throw ApiException.validation(List.of(new FieldError("body", "must be a BIDS dataset_description.json object")));
        }
        if (!description.path("Name").isTextual() || description.path("Name").asText().isBlank()) {
            // Name is REQUIRED by BIDS; without it there is nothing to register but the key
            throw ApiException.validation(List.of(new FieldError("Name", "a BIDS dataset_description.json needs a Name")));
        }
        BidsDescriptionMapper.Mapped m = mapper.map(description);
        List<ParentRef> parents = new ArrayList<>();
        for (BidsDescriptionMapper.Source s : m.sources()) {
            String parentKey = datasets.resolveDoiOrUrl(caller, s.doi(), s.url())
                    .orElseGet(() -> s.doi() != null
                            ? datasets.stub(caller, LineageKeys.keyFor("doi", s.doi()), "Source dataset doi:" + s.doi(), "doi", s.doi())
                            : datasets.stub(caller, LineageKeys.keyFor("url", s.url()), "Source dataset " + s.url(), "url", s.url()))
                    .key();
            if (parents.stream().noneMatch(p -> p.key().equals(parentKey))) {
                parents.add(new ParentRef(parentKey, s.version()));
            }
        }
        Map<String, Object> extras = new LinkedHashMap<>(m.extras());
        if (m.datasetType() != null) {
            extras.putIfAbsent("bidsDatasetType", m.datasetType());
        }
        DatasetRequest request = new DatasetRequest(key, m.title(), null, null, null, m.doi(),
                null, null, null, List.of("BIDS"), null, null, null, null, m.license(), null, null, null, null,
                null, null, parents, m.steps(), extras);
        return datasets.create(caller, request);
    }
}
