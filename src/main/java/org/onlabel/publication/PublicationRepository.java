package org.onlabel.publication;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PublicationRepository implements PanacheRepository<Publication> {

    public Optional<Publication> findByDoi(Doi doi) {
        return find("doi", doi.value()).firstResultOptional();
    }

    /** One page of publications in DOI order, optionally only those linked to one dataset. */
    public List<Publication> page(Long datasetId, String afterDoi, int limit) {
        String after = afterDoi == null ? "" : afterDoi;
        if (datasetId == null) {
            return find("doi > ?1 order by doi", after).page(0, limit).list();
        }
        return find("from Publication p where p.doi > ?1 and exists (select 1 from PublicationLink l "
                + "where l.publication = p and l.datasetId = ?2) order by p.doi", after, datasetId).page(0, limit).list();
    }

    /** Publications linked to a dataset, with the link's relation, in DOI order. */
    public List<PublicationLink> linksOfDataset(long datasetId) {
        return getEntityManager().createQuery("select l from PublicationLink l join fetch l.publication p "
                + "where l.datasetId = ?1 order by p.doi, l.relation", PublicationLink.class)
                .setParameter(1, datasetId).getResultList();
    }
}
