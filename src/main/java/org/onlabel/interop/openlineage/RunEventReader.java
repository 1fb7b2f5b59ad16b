package org.onlabel.interop.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onlabel.common.error.FieldError;
import org.onlabel.provenance.PreprocessingStep;
import org.onlabel.provenance.Software;

/**
 * Reads an OpenLineage 2-0-x RunEvent. Facets OnLabel does not know are ignored (they stay in the stored event);
 * typed steps come from the custom facet {@code onlabel_preprocessing} on an output dataset or on the run; the
 * standard {@code processing_engine} run facet names the software of an untyped step.
 */
public final class RunEventReader {
    public static final String FACET = "onlabel_preprocessing";
    static final Set<String> EVENT_TYPES = Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");

    /** What is wrong with an event, or the event itself. */
    public record Result(RunEvent event, List<FieldError> errors) {
    }

    private final ObjectMapper mapper;

    public RunEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Result read(JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return new Result(null, List.of(new FieldError("body", "must be an OpenLineage RunEvent object")));
        }
        String eventType = text(root, "eventType");
        if (eventType == null) {
            // OpenLineage treats a missing eventType as a plain run-state update
            eventType = "OTHER";
        } else if (!EVENT_TYPES.contains(eventType)) {
            errors.add(new FieldError("eventType", "must be one of " + EVENT_TYPES.stream().sorted().toList()));
        }
        OffsetDateTime eventTime = null;
        String time = text(root, "eventTime");
        if (time == null) {
            errors.add(new FieldError("eventTime", "is required"));
        } else {
            try {
                eventTime = OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("eventTime", "must be an ISO-8601 date-time with offset"));
            }
        }
        String runId = text(root.path("run"), "runId");
        if (runId == null) {
            errors.add(new FieldError("run.runId", "is required"));
        }
        String jobNamespace = text(root.path("job"), "namespace");
        String jobName = text(root.path("job"), "name");
        if (jobNamespace == null) {
            errors.add(new FieldError("job.namespace", "is required"));
        }
        if (jobName == null) {
            errors.add(new FieldError("job.name", "is required"));
        }
        List<RunEvent.DatasetName> inputs = names(root.path("inputs"), "inputs", errors);
        List<RunEvent.Output> outputs = new ArrayList<>();
        JsonNode outs = root.path("outputs");
        List<RunEvent.DatasetName> outNames = names(outs, "outputs", errors);
        for (int i = 0; i < outNames.size(); i++) {
            outputs.add(new RunEvent.Output(outNames.get(i), steps(outs.get(i).path("facets").path(FACET),
                    "outputs[" + i + "].facets." + FACET, runId, errors)));
        }
        List<PreprocessingStep> runSteps = steps(root.path("run").path("facets").path(FACET), "run.facets." + FACET, runId, errors);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        if (runSteps.isEmpty()) {
            runSteps = List.of(untypedStep(root, jobNamespace, jobName, runId));
        }
        return new Result(new RunEvent(eventType, eventTime, runId, jobNamespace, jobName, inputs, outputs, runSteps), List.of());
    }

    private List<RunEvent.DatasetName> names(JsonNode array, String field, List<FieldError> errors) {
        List<RunEvent.DatasetName> out = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            errors.add(new FieldError(field, "must be an array"));
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            String ns = text(array.get(i), "namespace");
            String name = text(array.get(i), "name");
            if (ns == null || name == null) {
                errors.add(new FieldError(field + "[" + i + "]", "needs namespace and name"));
            } else {
                out.add(new RunEvent.DatasetName(ns, name));
            }
        }
        return out;
    }

    private List<PreprocessingStep> steps(JsonNode facet, String field, String runId, List<FieldError> errors) {
        if (facet.isMissingNode() || facet.isNull()) {
            return List.of();
        }
        JsonNode steps = facet.path("steps");
        if (!steps.isArray()) {
            errors.add(new FieldError(field + ".steps", "must be an array of steps"));
            return List.of();
        }
        List<PreprocessingStep> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            String step = text(s, "step");
            if (step == null) {
                errors.add(new FieldError(field + ".steps[" + i + "].step", "is required"));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> parameters = s.path("parameters").isObject() ? mapper.convertValue(s.get("parameters"), Map.class) : Map.of();
            Software software = s.path("software").isObject() ? new Software(text(s.get("software"), "name"),
                    text(s.get("software"), "version"), text(s.get("software"), "codeUrl"), text(s.get("software"), "container")) : null;
            out.add(new PreprocessingStep(step, parameters, software, text(s, "description"), runId));
        }
        return out;
    }

    private static PreprocessingStep untypedStep(JsonNode root, String jobNamespace, String jobName, String runId) {
        JsonNode engine = root.path("run").path("facets").path("processing_engine");
        Software software = engine.isObject() ? new Software(text(engine, "name"), text(engine, "version"), null, null) : null;
        return new PreprocessingStep(jobName, Map.of(), software,
                "OpenLineage job " + jobNamespace + "/" + jobName + " (no onlabel_preprocessing facet: step untyped)", runId);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText();
    }
}
