package org.onlabel.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonDiff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.onlabel.common.paging.Cursor;
import org.onlabel.common.paging.Page;
import org.onlabel.common.security.Caller;

/** Writes and reads the append-only audit trail. */
@ApplicationScoped
public class AuditService {
    /** Fields that change on every write and say nothing about what was changed. */
    private static final List<String> NOISE = List.of("updatedAt");

    private final AuditRepository repository;
    private final ObjectMapper mapper;

    public AuditService(AuditRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    /**
     * Records a mutation in the caller's transaction, so that the change and its record commit or roll back
     * together. {@code before} is null for a creation.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, AuditSubject subject, String organization, Object before, Object after) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.actor = caller.name() == null ? "anonymous" : caller.name();
        event.actorOrganizations = caller.organizations().stream().sorted().toList();
        event.action = action;
        event.subjectType = subject.type();
        event.subjectKey = subject.key();
        event.organization = organization;
        event.changes = JsonDiff.asJson(state(before), state(after));
        repository.persist(event);
    }

    /**
     * Strips the values from every earlier event of a subject, in the caller's transaction. The redaction is
     * recorded first (append-only {@code audit_redaction}); the audit trigger allows exactly this one change on
     * events older than it: the patch is replaced by the same operations and paths without their values. Who did
     * what and when stays; what the content was does not.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redact(Caller caller, AuditSubject subject, String reason, Instant at) {
        em().flush();
        em().createNativeQuery("""
                INSERT INTO audit_redaction (subject_type, subject_key, redacted_at, redacted_by, reason)
                VALUES (:type, :key, :at, :by, :reason)""")
                .setParameter("type", subject.type()).setParameter("key", subject.key())
                .setParameter("at", at).setParameter("by", caller.name() == null ? "anonymous" : caller.name())
                .setParameter("reason", reason).executeUpdate();
        int redacted = em().createNativeQuery("""
                UPDATE audit_event SET changes = audit_redacted(changes)
                WHERE subject_type = :type AND subject_key = :key AND occurred_at <= :at""")
                .setParameter("type", subject.type()).setParameter("key", subject.key()).setParameter("at", at)
                .executeUpdate();
        return redacted;
    }

    private jakarta.persistence.EntityManager em() {
        return repository.getEntityManager();
    }

    @Transactional
    public Page<AuditEventResponse> list(AuditSubject subject, String cursor, int limit) {
        long after = Cursor.decodeNumber(cursor).orElse(0L);
        List<AuditEvent> rows = repository.page(subject, after, limit + 1);
        boolean more = rows.size() > limit;
        List<AuditEvent> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(String.valueOf(page.get(page.size() - 1).id)) : null;
        return new Page<>(page.stream().map(AuditService::toResponse).toList(), next);
    }

    private JsonNode state(Object value) {
        if (value == null) {
            return mapper.createObjectNode();
        }
        ObjectNode node = mapper.valueToTree(value);
        NOISE.forEach(node::remove);
        return node;
    }

    private static AuditEventResponse toResponse(AuditEvent e) {
        return new AuditEventResponse(e.id, e.occurredAt, e.actor, List.copyOf(e.actorOrganizations), e.action,
                e.subjectType, e.subjectKey, e.organization, e.changes);
    }
}
