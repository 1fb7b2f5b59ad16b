package org.onlabel.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The revision of everything a lineage walk reads (V17: bumped at the commit of every update or delete of a dataset,
 * derivation or preprocessing step, on any replica; creates do not move it, a new dataset being nobody's ancestor).
 * What a replica keeps in memory about ancestries is tagged with it and answers only while it is unchanged.
 */
@ApplicationScoped
public class LineageFactsRevision {
    private final EntityManager em;

    public LineageFactsRevision(EntityManager em) {
        this.em = em;
    }

    /**
     * The revision as the asking transaction sees it, or null when this transaction itself changed what walks read:
     * the revision moves only at its commit, so until then nothing kept, nor made now, may stand for the state this
     * transaction sees. Read it before the data it tags.
     */
    public Long current() {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT revision, coalesce(current_setting('onlabel.lineage_facts_written', true), '') = 'on'
                FROM lineage_facts_revision WHERE id = 1""").getSingleResult();
        return Boolean.TRUE.equals(row[1]) ? null : ((Number) row[0]).longValue();
    }
}
