package org.onlabel.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEvent> {

    /** Events of one dataset, oldest first, after the given id. */
    public List<AuditEvent> page(String datasetKey, long afterId, int limit) {
        return find("datasetKey = :key and id > :after order by id",
                Parameters.with("key", datasetKey).and("after", afterId))
                .page(0, limit)
                .list();
    }
}
