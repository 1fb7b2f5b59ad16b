package org.onlabel.publication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import org.onlabel.common.security.Role;
import org.onlabel.dataset.Dataset;
import org.onlabel.dataset.DatasetRepository;
import org.onlabel.dataset.DatasetService;

/**
 * Publications and their links to datasets. Journals and admins manage publications; curators may register a
 * paper and link or unlink their own organization's datasets, but not change a paper's record. A link to a dataset
 * the caller may not see is neither shown nor changed by that caller.
 */
@ApplicationScoped
public class PublicationService {
    static final String CREATED = "publication.created";
    static final String UPDATED = "publication.updated";
    static final Set<String> TYPES = Set.of("data-resource", "article", "preprint", "challenge");

    private final PublicationRepository repository;
    private final DatasetRepository datasetRows;
    private final DatasetService datasets;
    private final AccessPolicy policy;
    private final AuditService audit;

    public PublicationService(PublicationRepository repository, DatasetRepository datasetRows, DatasetService datasets,
            AccessPolicy policy, AuditService audit) {
        this.repository = repository;
        this.datasetRows = datasetRows;
        this.datasets = datasets;
        this.policy = policy;
        this.audit = audit;
    }

    public record Versioned(PublicationResponse publication, long revision, boolean created) {
        public String etag() {
            return ETags.of(revision);
        }
    }

    /** The DOI as the API was given it, or a 422 naming the field. */
    public static Doi doi(String field, String input) {
        try {
            return Doi.parse(input);
        } catch (Doi.InvalidDoiException e) {
            throw ApiException.validation(List.of(new FieldError(field, e.getMessage())));
        }
    }

    @Transactional
    public Versioned put(Caller caller, String doiInput, String ifMatch, PublicationRequest request) {
        policy.requireAuthenticated(caller);
        boolean manager = caller.hasAnyRole(Role.JOURNAL, Role.ADMIN);
        if (!manager && !caller.hasAnyRole(Role.CURATOR)) {
            throw new ApiException(ProblemType.FORBIDDEN, "Managing publications needs the journal, curator or admin role");
        }
        Doi doi = doi("doi", doiInput);
        List<FieldError> errors = new ArrayList<>();
        if (request.doi() != null) {
            try {
                if (!Doi.parse(request.doi()).equals(doi)) {
                    errors.add(new FieldError("doi", "the body names " + Doi.parse(request.doi()) + " but the path names " + doi));
                }
            } catch (Doi.InvalidDoiException e) {
                errors.add(new FieldError("doi", e.getMessage()));
            }
        }
        if (!TYPES.contains(request.type())) {
            errors.add(new FieldError("type", "must be data-resource, article, preprint or challenge"));
        }
        Map<String, Dataset> linked = new LinkedHashMap<>();
        Set<Wanted> wanted = new LinkedHashSet<>();
        List<PublicationRequest.Link> links = request.datasets() == null ? List.of() : request.datasets();
        for (int i = 0; i < links.size(); i++) {
            PublicationRequest.Link link = links.get(i);
            Optional<Relation> relation = Relation.of(link.relation());
            if (relation.isEmpty()) {
                errors.add(new FieldError("datasets[" + i + "].relation", "must be one of " + Relation.names()));
            }
            Optional<Dataset> dataset = datasets.resolve(caller, link.key()).flatMap(ref -> datasetRows.findByIdOptional(ref.id()))
                    .filter(d -> d.registered && !"removed".equals(d.status));
            if (dataset.isEmpty()) {
                errors.add(new FieldError("datasets[" + i + "].key", "no dataset '" + link.key() + "'"));
            }
            if (relation.isPresent() && dataset.isPresent()) {
                linked.put(dataset.get().key, dataset.get());
                wanted.add(new Wanted(dataset.get().id, relation.get().wire()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Optional<Publication> found = repository.findByDoi(doi);
        if (found.isPresent()) {
            ETags.requireMatch(ifMatch, found.get().revision);
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw new ApiException(ProblemType.PRECONDITION_FAILED, "No publication " + doi + " exists to match If-Match; "
                    + "leave If-Match out to register it");
        }
        Publication publication = found.orElseGet(Publication::new);
        Object before = found.map(this::auditState).orElse(null);
        // the links this caller cannot see stay as they are
        Set<Wanted> current = new LinkedHashSet<>();
        Set<Wanted> kept = new LinkedHashSet<>();
        for (PublicationLink l : publication.links) {
            Wanted w = new Wanted(l.datasetId, l.relation);
            current.add(w);
            if (!visible(caller, l.datasetId)) {
                kept.add(w);
            }
        }
        Set<Wanted> next = new LinkedHashSet<>(kept);
        next.addAll(wanted);
        if (!manager) {
            requireCuratorChange(caller, found.orElse(null), request, current, next);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (found.isEmpty()) {
            publication.doi = doi.value();
            publication.createdBy = caller.name();
            publication.createdAt = now;
        }
        publication.title = request.title().strip();
        publication.journal = blankToNull(request.journal());
        publication.year = request.year();
        publication.type = request.type();
        publication.authors = request.authors() == null ? new ArrayList<>() : request.authors().stream().map(String::strip).toList();
        publication.updatedAt = now;
        publication.links.removeIf(l -> !next.contains(new Wanted(l.datasetId, l.relation)));
        Set<Wanted> present = new LinkedHashSet<>();
        publication.links.forEach(l -> present.add(new Wanted(l.datasetId, l.relation)));
        for (Wanted w : next) {
            if (present.add(w)) {
                PublicationLink link = new PublicationLink();
                link.publication = publication;
                link.datasetId = w.datasetId();
                link.relation = w.relation();
                publication.links.add(link);
            }
        }
        if (found.isEmpty()) {
            repository.persist(publication);
        }
        repository.flush();
        audit.record(caller, found.isEmpty() ? CREATED : UPDATED, subject(doi), null, before, auditState(publication));
        return new Versioned(toResponse(caller, publication), publication.revision, found.isEmpty());
    }

    @Transactional
    public Versioned get(Caller caller, String doiInput) {
        policy.requireRead(caller);
        Doi doi = doi("doi", doiInput);
        Publication publication = repository.findByDoi(doi)
                .orElseThrow(() -> ApiException.notFound("Publication " + doi));
        return new Versioned(toResponse(caller, publication), publication.revision, false);
    }

    /** Publications in DOI order; with a dataset key, those linked to it (none for a dataset the caller cannot see). */
    @Transactional
    public Page<PublicationResponse> list(Caller caller, String datasetKey, String cursor, int limit) {
        policy.requireRead(caller);
        Long datasetId = null;
        if (datasetKey != null) {
            Optional<DatasetService.DatasetRef> ref = datasets.resolve(caller, datasetKey);
            if (ref.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            datasetId = ref.get().id();
        }
        String after = Cursor.decode(cursor).orElse(null);
        List<Publication> rows = repository.page(datasetId, after, limit + 1);
        boolean more = rows.size() > limit;
        List<Publication> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(page.get(page.size() - 1).doi) : null;
        return new Page<>(page.stream().map(p -> toResponse(caller, p)).toList(), next);
    }

    /** A publication linked to a dataset, as the dataset's exports need it. */
    public record LinkedPublication(PublicationResponse publication, Relation relation) {
    }

    /** The publications linked to a dataset the caller may see, with each link's relation. */
    @Transactional
    public List<LinkedPublication> ofDataset(Caller caller, long datasetId) {
        List<LinkedPublication> out = new ArrayList<>();
        for (PublicationLink link : repository.linksOfDataset(datasetId)) {
            Relation.of(link.relation).ifPresent(r -> out.add(new LinkedPublication(toResponse(caller, link.publication), r)));
        }
        return out;
    }

    /** Curators change only their own organization's links, and a paper's record only when they register it. */
    private void requireCuratorChange(Caller caller, Publication existing, PublicationRequest request,
            Set<Wanted> current, Set<Wanted> next) {
        if (existing != null && !sameRecord(existing, request)) {
            throw new ApiException(ProblemType.FORBIDDEN, "Curators may link and unlink their organization's datasets "
                    + "but not change a publication's record (title, journal, year, type, authors): a journal or an admin can");
        }
        Set<Wanted> changed = new LinkedHashSet<>(current);
        changed.addAll(next);
        Set<Wanted> unchanged = new LinkedHashSet<>(current);
        unchanged.retainAll(next);
        changed.removeAll(unchanged);
        for (Wanted w : changed) {
            boolean own = datasetRows.findByIdOptional(w.datasetId()).map(d -> caller.belongsTo(d.organization)).orElse(false);
            if (!own) {
                throw new ApiException(ProblemType.FORBIDDEN, "Curators may link and unlink only their own organization's datasets");
            }
        }
    }

    private static boolean sameRecord(Publication p, PublicationRequest r) {
        List<String> authors = r.authors() == null ? List.of() : r.authors().stream().map(String::strip).toList();
        return p.title.equals(r.title().strip()) && Objects.equals(p.journal, blankToNull(r.journal()))
                && Objects.equals(p.year, r.year()) && p.type.equals(r.type()) && List.copyOf(p.authors).equals(authors);
    }

    private boolean visible(Caller caller, long datasetId) {
        return datasetRows.findByIdOptional(datasetId)
                .filter(d -> d.registered && !"removed".equals(d.status))
                .filter(d -> policy.canSee(caller, d.visibility, d.organization)).isPresent();
    }

    private PublicationResponse toResponse(Caller caller, Publication p) {
        List<PublicationRequest.Link> links = new ArrayList<>();
        for (PublicationLink l : p.links) {
            datasetRows.findByIdOptional(l.datasetId)
                    .filter(d -> d.registered && !"removed".equals(d.status))
                    .filter(d -> policy.canSee(caller, d.visibility, d.organization))
                    .ifPresent(d -> links.add(new PublicationRequest.Link(d.key, l.relation)));
        }
        links.sort(java.util.Comparator.comparing(PublicationRequest.Link::key).thenComparing(PublicationRequest.Link::relation));
        Doi doi = new Doi(p.doi);
        return new PublicationResponse(doi.value(), doi.url(), p.title, p.journal, p.year, p.type, List.copyOf(p.authors),
                links, p.createdBy, p.createdAt, p.updatedAt);
    }

    /** What the audit trail records: the whole record with every link, whoever may see it. */
    private Map<String, Object> auditState(Publication p) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("doi", p.doi);
        state.put("title", p.title);
        state.put("journal", p.journal);
        state.put("year", p.year);
        state.put("type", p.type);
        state.put("authors", List.copyOf(p.authors));
        List<Map<String, Object>> links = new ArrayList<>();
        for (PublicationLink l : p.links) {
            links.add(Map.of("dataset", datasetRows.findByIdOptional(l.datasetId).map(d -> d.key).orElse("#" + l.datasetId),
                    "relation", l.relation));
        }
        links.sort(java.util.Comparator.comparing(m -> m.get("dataset") + "|" + m.get("relation")));
        state.put("datasets", links);
        return state;
    }

    static AuditSubject subject(Doi doi) {
        return new AuditSubject("publication", doi.value());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A link as the service compares them. */
    private record Wanted(long datasetId, String relation) {
    }
}
