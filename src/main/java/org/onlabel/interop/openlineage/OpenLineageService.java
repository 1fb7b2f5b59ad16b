package org.onlabel.interop.openlineage;

import org.onlabel.common.Hashing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.security.AccessPolicy;
import org.onlabel.common.security.Caller;
import org.onlabel.dataset.DatasetRequest;
import org.onlabel.dataset.DatasetService;
import org.onlabel.dataset.DatasetService.DatasetRef;
import org.onlabel.dataset.RegistrationReview;
import org.onlabel.interop.LineageKeys;
import org.onlabel.provenance.ParentRef;
import org.onlabel.provenance.PreprocessingStep;
import org.onlabel.provenance.Provenance;

/**
 * Takes OpenLineage RunEvents from pipelines. Every event is stored as received; a COMPLETE event registers its
 * outputs as derived from its inputs (inputs never seen before become unregistered stubs), so lineage is never
 * lost. The same event sent twice changes nothing the second time.
 */
@ApplicationScoped
public class OpenLineageService {
    private final DatasetService datasets;
    private final AccessPolicy policy;
    private final EntityManager em;
    private final RunEventReader reader;
    private final ObjectMapper canonical;
    private final RegistrationReview review;

    public OpenLineageService(DatasetService datasets, AccessPolicy policy, EntityManager em, ObjectMapper mapper,
            RegistrationReview review) {
        this.review = review;
        this.datasets = datasets;
        this.policy = policy;
        this.em = em;
        this.reader = new RunEventReader(mapper);
        this.canonical = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    @Transactional
    public IngestResult ingest(Caller caller, JsonNode payload) {
        policy.requireLineageIngest(caller);
        RunEventReader.Result read = reader.read(payload);
        if (!read.errors().isEmpty()) {
            throw ApiException.validation(read.errors());
        }
        RunEvent event = read.event();
        boolean replayed = !store(caller, event, payload);
        List<String> registered = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        List<String> stubs = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<IngestResult.OutputWarnings> outputWarnings = new ArrayList<>();
        if (event.isComplete()) {
            for (int i = 0; i < event.inputs().size(); i++) {
                RunEvent.DatasetName in = event.inputs().get(i);
                DatasetRef ref = resolveInput(caller, in, i);
                inputs.add(ref.key());
                if (!ref.registered()) {
                    stubs.add(ref.key());
                }
            }
            List<ParentRef> parents = inputs.stream().map(k -> new ParentRef(k, null)).toList();
            for (RunEvent.Output out : event.outputs()) {
                List<PreprocessingStep> steps = out.steps().isEmpty() ? event.runSteps() : out.steps();
                registerOutput(caller, out.name(), new Provenance(parents, steps), registered, matched, warnings,
                        outputWarnings);
            }
        }
        return new IngestResult(event.eventType(), event.runId(), replayed, registered, matched, stubs, inputs, warnings,
                outputWarnings);
    }

    private DatasetRef resolveInput(Caller caller, RunEvent.DatasetName in, int index) {
        if (LineageKeys.ONLABEL_NAMESPACE.equals(in.namespace())) {
            return datasets.resolve(caller, in.name()).orElseThrow(() -> ApiException.validation(List.of(
                    new FieldError("inputs[" + index + "].name", "no dataset '" + in.name() + "'"))));
        }
        return datasets.resolveLineageIdentity(caller, in.namespace(), in.name())
                .orElseGet(() -> datasets.stub(caller, LineageKeys.keyFor(in.namespace(), in.name()), in.name(),
                        in.namespace(), in.name()));
    }

    private void registerOutput(Caller caller, RunEvent.DatasetName out, Provenance provenance, List<String> registered,
            List<String> matched, List<String> warnings, List<IngestResult.OutputWarnings> outputWarnings) {
        boolean byKey = LineageKeys.ONLABEL_NAMESPACE.equals(out.namespace());
        Optional<DatasetRef> existing = byKey ? datasets.resolve(caller, out.name())
                : datasets.resolveLineageIdentity(caller, out.namespace(), out.name());
        if (existing.isEmpty()) {
            DatasetRequest request = new DatasetRequest(LineageKeys.keyFor(out.namespace(), out.name()), out.name(),
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, provenance.derivedFrom(), provenance.preprocessing(), null);
            var created = byKey ? datasets.create(caller, request).dataset()
                    : datasets.register(caller, request, out.namespace(), out.name()).dataset();
            registered.add(created.key());
            outputWarnings.add(new IngestResult.OutputWarnings(created.key(), created.warnings()));
        } else if (!existing.get().registered()) {
            String key = datasets.completeStub(caller, existing.get().key(), provenance).key();
            registered.add(key);
            outputWarnings.add(new IngestResult.OutputWarnings(key, review.review(caller, key)));
        } else if (sameProvenance(existing.get().provenance(), provenance)) {
            matched.add(existing.get().key());
        } else {
            warnings.add("Output '" + existing.get().key() + "' is already registered with other provenance, which is "
                    + "immutable; it was left unchanged (register a new dataset or version for the new data)");
        }
    }

    /** Same parents and the same steps; which run applied them does not matter. */
    static boolean sameProvenance(Provenance stored, Provenance declared) {
        List<String> storedParents = stored.derivedFrom().stream().map(ParentRef::key).sorted().toList();
        List<String> declaredParents = declared.derivedFrom().stream().map(ParentRef::key).sorted().toList();
        return storedParents.equals(declaredParents) && withoutRun(stored.preprocessing()).equals(withoutRun(declared.preprocessing()));
    }

    private static List<PreprocessingStep> withoutRun(List<PreprocessingStep> steps) {
        return steps.stream().map(s -> new PreprocessingStep(s.step(), s.parameters(), s.software(), s.description(), null)).toList();
    }

    /** Stores the event; false when exactly this event was stored before. */
    private boolean store(Caller caller, RunEvent event, JsonNode payload) {
        String text;
        try {
            text = canonical.writeValueAsString(canonical.treeToValue(payload, Object.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int inserted = em.createNativeQuery("""
                INSERT INTO lineage_event (payload_hash, event_type, event_time, run_id, job_namespace, job_name,
                                           received_at, received_from, payload)
                VALUES (:hash, :type, :time, :run, :ns, :job, :now, :from, CAST(:payload AS jsonb))
                ON CONFLICT (payload_hash) DO NOTHING""")
                .setParameter("hash", Hashing.sha256(text)).setParameter("type", event.eventType())
                .setParameter("time", event.eventTime()).setParameter("run", event.runId())
                .setParameter("ns", event.jobNamespace()).setParameter("job", event.jobName())
                .setParameter("now", Instant.now()).setParameter("from", caller.name())
                .setParameter("payload", text)
                .executeUpdate();
        return inserted == 1;
    }
}
