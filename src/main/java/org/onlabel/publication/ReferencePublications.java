package org.onlabel.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.security.Caller;
import org.onlabel.dataset.DatasetRepository;

/**
 * Loads the descriptor papers of the reference datasets (catalog/reference-publications.json) into an empty
 * publication table, after the reference catalog (a later observer priority). Links to datasets that are not in
 * the catalog are left out.
 */
@ApplicationScoped
public class ReferencePublications {
    private static final Logger LOG = Logger.getLogger(ReferencePublications.class);
    static final String RESOURCE = "catalog/reference-publications.json";
    private static final long SEED_LOCK = 0x0b1abe2L;
    private static final Caller SYSTEM = Caller.system("onlabel-reference-catalog");

    private final OnLabelConfig config;
    private final PublicationService publications;
    private final PublicationRepository repository;
    private final DatasetRepository datasets;
    private final EntityManager em;
    private final ObjectMapper mapper;

    public ReferencePublications(OnLabelConfig config, PublicationService publications, PublicationRepository repository,
            DatasetRepository datasets, EntityManager em, ObjectMapper mapper) {
        this.config = config;
        this.publications = publications;
        this.repository = repository;
        this.datasets = datasets;
        this.em = em;
        this.mapper = mapper;
    }

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        if (config.referenceCatalog().enabled()) {
            int loaded = loadIntoEmptyTable();
            if (loaded > 0) {
                LOG.infof("Loaded %d reference publications", loaded);
            }
        }
    }

    @Transactional
    public int loadIntoEmptyTable() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + SEED_LOCK + ")").getSingleResult();
        if (repository.count() > 0) {
            return 0;
        }
        List<PublicationRequest> requests = read();
        for (PublicationRequest request : requests) {
            List<PublicationRequest.Link> present = request.datasets().stream()
                    .filter(l -> datasets.findByKey(l.key()).isPresent()).toList();
            publications.put(SYSTEM, request.doi(), null, new PublicationRequest(request.doi(), request.title(),
                    request.journal(), request.year(), request.type(), request.authors(), present));
        }
        return requests.size();
    }

    List<PublicationRequest> read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            JsonNode root = mapper.readTree(in);
            List<PublicationRequest> out = new ArrayList<>();
            for (JsonNode node : root.path("publications")) {
                out.add(mapper.treeToValue(node, PublicationRequest.class));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Reference publications " + RESOURCE + " are unreadable", e);
        }
    }
}
