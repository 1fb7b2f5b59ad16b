package org.onlabel.dataset;

import org.onlabel.common.security.Viewer;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class DatasetRepository implements PanacheRepository<Dataset> {

    public Optional<Dataset> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    public Optional<Dataset> findByLineageIdentity(String namespace, String name) {
        return find("lineageNamespace = ?1 and lineageName = ?2", namespace, name).firstResultOptional();
    }

    /** Datasets whose DOI or homepage is the given one (case-insensitive), best match first. */
    public List<Dataset> findByDoiOrHomepage(String doi, String homepage) {
        List<Dataset> found = new java.util.ArrayList<>();
        if (doi != null) {
            found.addAll(list("lower(doi) = ?1 order by key", doi.toLowerCase(Locale.ROOT)));
        }
        if (homepage != null) {
            found.addAll(list("lower(homepage) = ?1 order by key", homepage.toLowerCase(Locale.ROOT)));
        }
        return found;
    }

    public boolean existsByKey(String key) {
        return count("key", key) > 0;
    }

    /**
     * One page of the datasets the viewer may see, in key order. The filters run in PostgreSQL on indexed columns (full-text search on a
     * generated tsvector, array and JSONB containment), then the page's rows are loaded by id.
     */
    public List<Dataset> list(DatasetQuery query, Viewer viewer) {
        // removed datasets are tombstones: their key stays taken, but they have nothing to list
        StringBuilder sql = new StringBuilder("SELECT d.id FROM dataset d WHERE d.status <> 'removed'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!viewer.seesEverything()) {
            if (viewer.organizations().isEmpty()) {
                sql.append(" AND d.visibility = 'public'");
            } else {
                sql.append(" AND (d.visibility = 'public' OR d.organization IN (:viewerOrganizations))");
                params.put("viewerOrganizations", List.copyOf(viewer.organizations()));
            }
        }
        query.text().ifPresent(q -> {
            sql.append(" AND d.search @@ websearch_to_tsquery('english', :q)");
            params.put("q", q);
        });
        query.modality().ifPresent(m -> {
            sql.append(" AND d.modalities @> ARRAY[CAST(:modality AS text)]");
            params.put("modality", m.toUpperCase(Locale.ROOT));
        });
        query.anatomy().ifPresent(a -> {
            sql.append(" AND d.anatomy @> ARRAY[CAST(:anatomy AS text)]");
            params.put("anatomy", a.toLowerCase(Locale.ROOT));
        });
        query.task().ifPresent(t -> {
            sql.append(" AND d.intended_uses @> jsonb_build_array(jsonb_build_object('task', CAST(:task AS text)))");
            params.put("task", t.toLowerCase(Locale.ROOT));
        });
        query.license().ifPresent(l -> {
            sql.append(" AND lower(d.license) = lower(:license)");
            params.put("license", l);
        });
        query.status().ifPresent(s -> {
            sql.append(" AND d.status = :status");
            params.put("status", s.toLowerCase(Locale.ROOT));
        });
        query.organization().ifPresent(o -> {
            sql.append(" AND d.organization = :organization");
            params.put("organization", o);
        });
        query.doi().ifPresent(doi -> {
            sql.append(" AND lower(d.doi) = :doi");
            params.put("doi", doi.toLowerCase(Locale.ROOT));
        });
        query.publication().ifPresent(doi -> {
            sql.append(" AND d.id IN (SELECT l.dataset_id FROM publication_link l JOIN publication p"
                    + " ON p.id = l.publication_id WHERE p.doi = :publication)");
            params.put("publication", doi);
        });
        query.after().ifPresent(k -> {
            sql.append(" AND d.key > :after");
            params.put("after", k);
        });
        sql.append(" ORDER BY d.key LIMIT :limit");
        params.put("limit", query.limit());

        Query q = getEntityManager().createNativeQuery(sql.toString(), Long.class);
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Long> ids = q.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Dataset> rows = new ArrayList<>(list("id in ?1", ids));
        rows.sort(Comparator.comparing(d -> d.key));
        return rows;
    }
}
