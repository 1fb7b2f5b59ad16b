package org.onlabel.license;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.onlabel.audit.AuditEventResponse;
import org.onlabel.audit.AuditService;
import org.onlabel.audit.AuditSubject;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.error.ProblemType;
import org.onlabel.common.http.ETags;
import org.onlabel.common.paging.Page;
import org.onlabel.common.security.AccessPolicy;
import org.onlabel.common.security.Caller;
import org.onlabel.vocabulary.Term;
import org.onlabel.vocabulary.Vocabularies;

/** The license table: seeded from the vocabulary, edited by admins, read by the rules. */
@ApplicationScoped
public class LicenseService {
    private static final TypeReference<Map<String, AttributeSource>> SOURCES = new TypeReference<>() { };

    private final LicenseRepository repository;
    private final Vocabularies vocabularies;
    private final AccessPolicy policy;
    private final AuditService audit;
    private final ObjectMapper json;

    public LicenseService(LicenseRepository repository, Vocabularies vocabularies, AccessPolicy policy, AuditService audit,
            ObjectMapper json) {
        this.repository = repository;
        this.vocabularies = vocabularies;
        this.policy = policy;
        this.audit = audit;
        this.json = json;
    }

    /**
     * Adds the shipped licenses that the table lacks and brings rows still as shipped up to the shipped curation;
     * a row an admin edited is never overwritten.
     */
    @Transactional
    void seed(@Observes @jakarta.annotation.Priority(10) StartupEvent event) {
        for (Term t : vocabularies.require(Vocabularies.LICENSES).terms()) {
            LicenseRecord.Update shipped = shipped(t);
            if (repository.insertIfAbsent(t.id(), shipped, true)) {
                continue;
            }
            repository.find(t.id()).filter(LicenseRepository.Row::shipped)
                    .filter(row -> !sameContent(row.license(), shipped))
                    .ifPresent(row -> {
                        repository.update(row.license().id(), row.revision(), shipped, true);
                        changes.fire(new LicenseRecordChanged(row.license().id()));
                    });
        }
    }

    private LicenseRecord.Update shipped(Term t) {
        Map<String, Object> a = t.attributes();
        Map<String, AttributeSource> sources = a.get("sources") == null ? Map.of()
                : json.convertValue(a.get("sources"), SOURCES);
        return new LicenseRecord.Update(t.label(), bool(a.get("commercialUse")), bool(a.get("derivatives")),
                bool(a.get("shareAlike")), bool(a.get("attribution")),
                a.get("note") == null ? null : String.valueOf(a.get("note")), sources);
    }

    private static boolean sameContent(LicenseRecord r, LicenseRecord.Update u) {
        return Objects.equals(r.name(), u.name()) && Objects.equals(r.attributes(), new LicenseAttributes(
                u.commercialUse(), u.derivatives(), u.shareAlike(), u.attribution()))
                && Objects.equals(r.note(), u.note()) && Objects.equals(r.sources(), u.sources());
    }

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<LicenseRecordChanged> changes;

    @Transactional
    public List<LicenseRecord> list(Caller caller) {
        policy.requireRead(caller);
        return repository.all().stream().map(LicenseRepository.Row::license).toList();
    }

    @Transactional
    public LicenseRepository.Row get(Caller caller, String id) {
        policy.requireRead(caller);
        return repository.find(id).orElseThrow(() -> ApiException.notFound("License '" + id + "'"));
    }

    /** Creates (201) or replaces (200, If-Match required) a license. Admins only. */
    @Transactional
    public Saved put(Caller caller, String id, String ifMatch, LicenseRecord.Update update) {
        policy.requireAdmin(caller);
        List<FieldError> unknownAttributes = update.sources().keySet().stream()
                .filter(name -> !LicenseRecord.ATTRIBUTES.contains(name))
                .map(name -> new FieldError("sources." + name, "not an attribute; sources describe "
                        + String.join(", ", new TreeSet<>(LicenseRecord.ATTRIBUTES))))
                .toList();
        if (!unknownAttributes.isEmpty()) {
            throw ApiException.validation(unknownAttributes);
        }
        try {
            LicenseExpression parsed = LicenseExpression.parse(id);
            if (parsed.licenseIds().size() != 1 || !(parsed.root() instanceof LicenseNode.Single)) {
                throw new InvalidLicenseExpressionException("'" + id + "' is an expression, not one license id");
            }
        } catch (InvalidLicenseExpressionException e) {
            throw ApiException.validation(List.of(new FieldError("id", e.getMessage())));
        }
        Optional<LicenseRepository.Row> existing = repository.find(id);
        if (existing.isEmpty()) {
            if (ifMatch != null && !ifMatch.isBlank() && !"*".equals(ifMatch.trim())) {
                throw new ApiException(ProblemType.PRECONDITION_FAILED, "License '" + id + "' does not exist yet");
            }
            repository.insertIfAbsent(id, update, false);
            LicenseRepository.Row created = repository.find(id).orElseThrow();
            audit.record(caller, "license.created", AuditSubject.license(created.license().id()), null, null, created.license());
            changes.fire(new LicenseRecordChanged(id));
            return new Saved(created, true);
        }
        ETags.requireMatch(ifMatch, existing.get().revision());
        if (!repository.update(existing.get().license().id(), existing.get().revision(), update, false)) {
            throw new ApiException(ProblemType.PRECONDITION_FAILED, "The license was changed by someone else; read it again");
        }
        LicenseRepository.Row updated = repository.find(id).orElseThrow();
        changes.fire(new LicenseRecordChanged(id));
        audit.record(caller, "license.updated", AuditSubject.license(updated.license().id()), null,
                existing.get().license(), updated.license());
        return new Saved(updated, false);
    }

    /** Who changed a license, when and how. Admins only. */
    @Transactional
    public Page<AuditEventResponse> auditTrail(Caller caller, String id, String cursor, int limit) {
        policy.requireAdmin(caller);
        LicenseRepository.Row row = repository.find(id).orElseThrow(() -> ApiException.notFound("License '" + id + "'"));
        return audit.list(AuditSubject.license(row.license().id()), cursor, limit);
    }

    public record Saved(LicenseRepository.Row row, boolean created) {
    }

    /**
     * The attribute table the rules use, as stored now. Kept in memory with the revision it was read at: every
     * read compares that with the stored revision (one primary-key read) and reloads when any replica's write, or
     * this transaction's own, changed the table.
     */
    @Transactional
    public LicenseAttributeTable table() {
        long revision = repository.tableRevision();
        CachedTable cached = this.cached;
        if (cached != null && cached.revision() == revision) {
            return cached.table();
        }
        LicenseAttributeTable table = new LicenseAttributeTable(repository.attributes());
        this.cached = new CachedTable(revision, table);
        return table;
    }

    private record CachedTable(long revision, LicenseAttributeTable table) {
    }

    private volatile CachedTable cached;

    private static Boolean bool(Object value) {
        return value instanceof Boolean b ? b : null;
    }
}
