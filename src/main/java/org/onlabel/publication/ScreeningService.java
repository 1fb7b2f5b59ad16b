package org.onlabel.publication;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.onlabel.check.CheckRequest;
import org.onlabel.check.CheckService;
import org.onlabel.check.FactsAssembler;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.Facts;
import org.onlabel.check.rules.Verdict;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.error.ProblemType;
import org.onlabel.common.http.PublicUrl;
import org.onlabel.common.security.AccessPolicy;
import org.onlabel.common.security.Caller;
import org.onlabel.common.security.Role;
import org.onlabel.common.security.Viewer;
import org.onlabel.dataset.Dataset;
import org.onlabel.dataset.DatasetMapper;
import org.onlabel.dataset.DatasetRequest;
import org.onlabel.dataset.DatasetService;
import org.onlabel.dataset.DatasetValidator;
import org.onlabel.license.EvaluatedLicense;
import org.onlabel.license.InvalidLicenseExpressionException;
import org.onlabel.license.LicenseAttributeTable;
import org.onlabel.license.LicenseAttributes;
import org.onlabel.license.LicenseExpression;
import org.onlabel.license.LicenseService;
import org.onlabel.provenance.ParentRef;
import org.onlabel.vocabulary.Vocabularies;

/**
 * Screens the data uses a manuscript reports and stores the outcome as an immutable report. Registered datasets
 * are judged as checks judge them; an inline dataset is validated and canonicalised like a registration, turned
 * into facts on top of its registered parents, and judged by the same check, without being stored anywhere but in
 * the report.
 */
@ApplicationScoped
public class ScreeningService {
    static final String INLINE_PREFIX = "inline:";

    private final CheckService checks;
    private final FactsAssembler facts;
    private final DatasetService datasets;
    private final LicenseService licenses;
    private final Vocabularies vocabularies;
    private final DatasetValidator validator;
    private final DatasetMapper mapper;
    private final ScreeningRepository repository;
    private final AccessPolicy policy;
    private final ObjectMapper json;

    public ScreeningService(CheckService checks, FactsAssembler facts, DatasetService datasets, LicenseService licenses,
            Vocabularies vocabularies, ScreeningRepository repository, AccessPolicy policy, ObjectMapper json) {
        this.checks = checks;
        this.facts = facts;
        this.datasets = datasets;
        this.licenses = licenses;
        this.vocabularies = vocabularies;
        this.validator = new DatasetValidator(vocabularies);
        this.mapper = new DatasetMapper(vocabularies);
        this.repository = repository;
        this.policy = policy;
        this.json = json;
    }

    /** Journals and admins screen any manuscript; curators their own. */
    @Transactional
    public Map<String, Object> screen(Caller caller, ScreeningRequest request, PublicUrl urls) {
        policy.requireAuthenticated(caller);
        if (!caller.hasAnyRole(Role.JOURNAL, Role.ADMIN, Role.CURATOR)) {
            throw new ApiException(ProblemType.FORBIDDEN, "Screening manuscripts needs the journal, curator or admin role");
        }
        ScreeningRequest.Manuscript manuscript = manuscript(request.manuscript());
        LicenseAttributeTable table = licenses.table();
        Viewer viewer = Viewer.of(caller);
        List<ScreeningReport.UseResult> results = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        List<Prepared> prepared = new ArrayList<>();
        for (int u = 0; u < request.uses().size(); u++) {
            prepared.add(prepare(caller, viewer, table, request.uses().get(u), "uses[" + u + "].", errors));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Verdict worst = Verdict.ON_LABEL;
        for (int u = 0; u < prepared.size(); u++) {
            Prepared p = prepared.get(u);
            CheckOutcome outcome = checks.checkWithSupplied(caller, p.check(), p.supplied(), "uses[" + u + "].");
            results.add(new ScreeningReport.UseResult(outcome.task(), p.check().purpose(), p.datasets(), outcome));
            worst = outcome.verdict().compareTo(worst) > 0 ? outcome.verdict() : worst;
        }
        String id = Capability.random();
        String shareToken = Capability.random();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String url = urls.resolve("/api/v1/screenings/" + id).toString();
        List<String> organizations = caller.organizations().stream().sorted().toList();
        ScreeningReport report = new ScreeningReport(id, url, checks.ruleset().version(), manuscript, worst, results,
                caller.name(), organizations, now, null);
        Screening row = new Screening();
        row.id = id;
        row.createdBy = caller.name();
        row.createdOrganizations = new ArrayList<>(organizations);
        row.createdAt = now;
        row.rulesetVersion = report.rulesetVersion();
        row.verdict = worst.name();
        row.shareTokenSha256 = Capability.sha256(shareToken);
        row.report = document(report);
        repository.persist(row);
        repository.flush();
        return document(new ScreeningReport(id, url, report.rulesetVersion(), manuscript, worst, results, caller.name(),
                organizations, now, url + "?access=" + shareToken));
    }

    /**
     * The report as stored, for its creator, members of the creator's organizations, admins, and anyone holding its
     * share token. Everyone else gets the same 404 as for an id that does not exist.
     */
    @Transactional
    public Map<String, Object> read(Caller caller, String id, String accessToken) {
        Optional<Screening> found = id == null || id.length() > 100 ? Optional.empty() : repository.findByIdOptional(id);
        Screening row = found.orElseThrow(() -> ApiException.notFound("Screening report '" + abbreviate(id) + "'"));
        boolean member = !caller.anonymous() && (caller.isAdmin() || (caller.name() != null && caller.name().equals(row.createdBy))
                || row.createdOrganizations.stream().anyMatch(caller::belongsTo));
        if (!member && !Capability.matches(accessToken, row.shareTokenSha256)) {
            throw ApiException.notFound("Screening report '" + abbreviate(id) + "'");
        }
        return row.report;
    }

    /**
     * The report as a JSON document. The request's own records (purpose, manuscript, inline description) leave
     * absent fields out; the check's outcome is written exactly as a check answers it.
     */
    private Map<String, Object> document(ScreeningReport report) {
        ObjectMapper mapper = json.copy();
        com.fasterxml.jackson.annotation.JsonInclude.Value nonNull =
                com.fasterxml.jackson.annotation.JsonInclude.Value.construct(
                        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL,
                        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
        for (Class<?> type : List.of(CheckRequest.Purpose.class, ScreeningRequest.Manuscript.class,
                ScreeningRequest.InlineDataset.class, ScreeningReport.class, ScreeningReport.ScreenedDataset.class)) {
            mapper.configOverride(type).setInclude(nonNull);
        }
        return mapper.convertValue(report, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private record Prepared(CheckRequest check, Map<Integer, Facts.Dataset> supplied,
            List<ScreeningReport.ScreenedDataset> datasets) {
    }

    private Prepared prepare(Caller caller, Viewer viewer, LicenseAttributeTable table, ScreeningRequest.Use use,
            String prefix, List<FieldError> errors) {
        List<CheckRequest.DatasetUse> uses = new ArrayList<>();
        Map<Integer, Facts.Dataset> supplied = new LinkedHashMap<>();
        List<ScreeningReport.ScreenedDataset> screened = new ArrayList<>();
        for (int i = 0; i < use.datasets().size(); i++) {
            ScreeningRequest.ScreenedDataset d = use.datasets().get(i);
            String field = prefix + "datasets[" + i + "]";
            String role = d.role() == null ? "any" : d.role().toLowerCase(Locale.ROOT);
            int named = (d.key() != null ? 1 : 0) + (d.doi() != null ? 1 : 0) + (d.inline() != null ? 1 : 0);
            if (named != 1) {
                errors.add(new FieldError(field, "name the dataset by exactly one of key, doi or inline"));
                uses.add(new CheckRequest.DatasetUse(null, null, role));
                continue;
            }
            if (d.inline() != null) {
                String key = INLINE_PREFIX + (d.inline().name() == null ? "dataset-" + (i + 1) : d.inline().name());
                inlineFacts(caller, viewer, table, key, d.inline(), field + ".inline", errors)
                        .ifPresent(f -> supplied.put(uses.size(), f));
                uses.add(new CheckRequest.DatasetUse(null, null, role));
                screened.add(new ScreeningReport.ScreenedDataset(key, role, true, null, null, d.inline()));
                continue;
            }
            Optional<DatasetService.DatasetRef> ref = d.key() != null ? datasets.resolve(caller, d.key())
                    : datasets.resolveDoiOrUrl(caller, d.doi(), null);
            if (ref.isEmpty()) {
                errors.add(new FieldError(field + (d.key() != null ? ".key" : ".doi"),
                        "no dataset '" + (d.key() != null ? d.key() : d.doi()) + "'"));
                uses.add(new CheckRequest.DatasetUse(null, null, role));
                continue;
            }
            DatasetService.Versioned current = datasets.get(caller, ref.get().key());
            uses.add(new CheckRequest.DatasetUse(ref.get().key(), null, role));
            screened.add(new ScreeningReport.ScreenedDataset(ref.get().key(), role, false, current.revision(),
                    current.dataset().doi(), null));
        }
        return new Prepared(new CheckRequest(use.task(), uses, use.purpose()), supplied, screened);
    }

    /** Validated and canonicalised as a registration would be; parents must be registered datasets the caller sees. */
    private Optional<Facts.Dataset> inlineFacts(Caller caller, Viewer viewer, LicenseAttributeTable table, String key,
            ScreeningRequest.InlineDataset inline, String field, List<FieldError> errors) {
        DatasetRequest asRegistration = new DatasetRequest(null, inline.title(), null, null, null, null, null,
                inline.modalities(), null, null, null, null, inline.representation(), null, inline.license(),
                inline.dataUse(), inline.intendedUses(), inline.contraindications(), null, null, null,
                inline.derivedFrom() == null ? null : inline.derivedFrom().stream().map(k -> new ParentRef(k, null)).toList(),
                inline.preprocessing(), null);
        int before = errors.size();
        validator.validate(asRegistration).forEach(e -> errors.add(new FieldError(field + "." + e.field(), e.message())));
        List<String> parents = inline.derivedFrom() == null ? List.of() : inline.derivedFrom();
        List<Facts.Dataset> parentFacts = new ArrayList<>();
        for (int p = 0; p < parents.size(); p++) {
            Optional<DatasetService.DatasetRef> parent = datasets.resolve(caller, parents.get(p));
            if (parent.isEmpty()) {
                errors.add(new FieldError(field + ".derivedFrom[" + p + "]", "no dataset '" + parents.get(p) + "'"));
            } else {
                parentFacts.add(facts.assemble(parent.get().key(), viewer, table));
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        Dataset described = new Dataset();
        mapper.apply(asRegistration, described);
        var r = described.representation;
        Facts.Representation representation = r == null ? new Facts.Representation(null, null, null, null, null)
                : new Facts.Representation(r.domain(), r.complex(), r.coils(), r.compression(), r.bitDepth());
        List<InlineFacts.Step> steps = inline.preprocessing() == null ? List.of()
                : inline.preprocessing().stream().map(s -> new InlineFacts.Step(s.step(), s.parameters())).toList();
        InlineFacts.Own own = new InlineFacts.Own(key, described.title, representation, described.modalities,
                license(described.license, table),
                described.dataUse.stream().map(u -> new Facts.DataUse(u.code(), u.disease(),
                        FactsAssembler.disease(u.disease(), vocabularies.diseases()))).toList(),
                described.contraindications.stream().map(c -> new Facts.Contraindication(c.task(), c.reason())).toList(),
                described.intendedUses.stream().map(u -> u.task()).toList(),
                parents.stream().map(k -> datasets.resolve(caller, k).orElseThrow().key()).toList(), steps);
        return Optional.of(InlineFacts.of(own, parentFacts));
    }

    private static Facts.License license(String expression, LicenseAttributeTable table) {
        if (expression == null) {
            return Facts.License.NONE;
        }
        LicenseAttributes a;
        try {
            a = EvaluatedLicense.of(LicenseExpression.parse(expression), table).attributes();
        } catch (InvalidLicenseExpressionException e) {
            a = LicenseAttributes.UNKNOWN;
        }
        return new Facts.License(expression, a.commercialUse(), a.derivatives(), a.shareAlike(), a.attribution());
    }

    private static ScreeningRequest.Manuscript manuscript(ScreeningRequest.Manuscript m) {
        if (m == null || (m.doi() == null && m.submissionId() == null)) {
            return m == null ? null : new ScreeningRequest.Manuscript(null, null);
        }
        String doi = m.doi() == null ? null : PublicationService.doi("manuscript.doi", m.doi()).value();
        return new ScreeningRequest.Manuscript(doi, m.submissionId() == null ? null : m.submissionId().strip());
    }

    private static String abbreviate(String id) {
        if (id == null) {
            return "";
        }
        String safe = id.replaceAll("[^A-Za-z0-9_-]", "?");
        return safe.length() > 50 ? safe.substring(0, 50) + "…" : safe;
    }
}
