package org.onlabel.interop.openlineage;

import java.time.OffsetDateTime;
import java.util.List;
import org.onlabel.provenance.PreprocessingStep;

/** The parts of an OpenLineage RunEvent that OnLabel uses. */
public record RunEvent(String eventType, OffsetDateTime eventTime, String runId, String jobNamespace, String jobName,
        List<DatasetName> inputs, List<Output> outputs, List<PreprocessingStep> runSteps) {

    public record DatasetName(String namespace, String name) {
    }

    /** An output dataset and the steps its own {@code onlabel_preprocessing} facet declares (empty when none). */
    public record Output(DatasetName name, List<PreprocessingStep> steps) {
    }

    public boolean isComplete() {
        return "COMPLETE".equals(eventType);
    }
}
