package org.onlabel.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.security.Caller;

/**
 * Loads the shipped reference catalog (real public datasets, described in the project's own words) into an empty
 * database. Replicas starting together take a PostgreSQL advisory lock, so the catalog is loaded once.
 */
@ApplicationScoped
public class ReferenceCatalog {
    private static final Logger LOG = Logger.getLogger(ReferenceCatalog.class);
    static final String RESOURCE = "catalog/reference-datasets.json";
    private static final long SEED_LOCK = 0x0b1abe1L;
    private static final Caller SYSTEM = Caller.system("onlabel-reference-catalog");

    private final OnLabelConfig config;
    private final DatasetService datasets;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Validator validator;

    public ReferenceCatalog(OnLabelConfig config, DatasetService datasets, EntityManager em, ObjectMapper mapper,
            Validator validator) {
        this.config = config;
        this.datasets = datasets;
        this.em = em;
        this.mapper = mapper;
        this.validator = validator;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.referenceCatalog().enabled()) {
            int loaded = loadIntoEmptyCatalog();
            if (loaded > 0) {
                LOG.infof("Loaded %d reference datasets into the empty catalog", loaded);
            }
        }
    }

    /** Loads every reference dataset when the catalog is empty; returns how many were loaded. */
    @Transactional
    public int loadIntoEmptyCatalog() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + SEED_LOCK + ")").getSingleResult();
        if (datasets.count() > 0) {
            return 0;
        }
        List<DatasetRequest> requests = read();
        for (DatasetRequest request : requests) {
            Set<ConstraintViolation<DatasetRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("Reference dataset " + request.key() + " is invalid: " + violations);
            }
            datasets.create(SYSTEM, request);
        }
        return requests.size();
    }

    List<DatasetRequest> read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            JsonNode root = mapper.readTree(in);
            List<DatasetRequest> out = new ArrayList<>();
            for (JsonNode node : root.path("datasets")) {
                out.add(mapper.treeToValue(node, DatasetRequest.class));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Reference catalog " + RESOURCE + " is unreadable", e);
        }
    }
}
