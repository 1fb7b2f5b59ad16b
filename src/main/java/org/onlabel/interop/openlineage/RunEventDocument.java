package org.onlabel.interop.openlineage;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's description of an OpenLineage 2-0-x RunEvent: the members the service reads; others are kept. */
@Schema(name = "OpenLineageRunEvent", description = "OpenLineage RunEvent (spec 2-0-x); other members and facets are "
        + "stored as received", additionalProperties = Schema.True.class)
public record RunEventDocument(
        @Schema(enumeration = {"START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER"},
                description = "Absent means OTHER") String eventType,
        @Schema(required = true, format = "date-time") String eventTime,
        String producer,
        String schemaURL,
        @Schema(required = true) Run run,
        @Schema(required = true) Job job,
        List<DatasetRef> inputs,
        List<DatasetRef> outputs) {

    @Schema(name = "OpenLineageRun", additionalProperties = Schema.True.class)
    public record Run(@Schema(required = true) String runId,
            @Schema(description = "Run facets, e.g. onlabel_preprocessing, processing_engine") Map<String, Object> facets) {
    }

    @Schema(name = "OpenLineageJob", additionalProperties = Schema.True.class)
    public record Job(@Schema(required = true) String namespace, @Schema(required = true) String name,
            Map<String, Object> facets) {
    }

    @Schema(name = "OpenLineageDataset", additionalProperties = Schema.True.class)
    public record DatasetRef(@Schema(required = true) String namespace, @Schema(required = true) String name,
            @Schema(description = "Dataset facets, e.g. onlabel_preprocessing on an output") Map<String, Object> facets) {
    }
}
