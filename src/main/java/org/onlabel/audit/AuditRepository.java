package org.onlabel.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEvent> {

    /** Events of one subject, oldest first, after the given id. */
    public List<AuditEvent> page(AuditSubject subject, long afterId, int limit) {
        return find("subjectType = :type and subjectKey = :key and id > :after order by id",
                Parameters.with("type", subject.type()).and("key", subject.key()).and("after", afterId))
                .page(0, limit)
                .list();
    }
}
