package org.onlabel.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEvent", description = "One recorded change to a dataset or a license")
public record AuditEventResponse(
        @Schema(required = true, description = "Increasing sequence number") long id,
        @Schema(required = true, description = "RFC 3339, UTC") Instant occurredAt,
        @Schema(required = true, description = "User or service account that made the change", examples = "alice") String actor,
        @Schema(required = true, description = "The actor's organizations at the time") List<String> actorOrganizations,
        @Schema(required = true, examples = "dataset.updated") String action,
        @Schema(required = true, description = "What changed: dataset or license", examples = "dataset") String subjectType,
        @Schema(required = true, description = "Its key (dataset) or id (license)", examples = "brats-2021") String subject,
        @Schema(nullable = true, description = "Owning organization of the dataset after the change") String organization,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = JsonPatchOperation.class,
                description = "RFC 6902 JSON Patch from the previous state to the new one",
                examples = "[{\"op\": \"replace\", \"path\": \"/title\", \"value\": \"New title\"}]")
        JsonNode changes) {
}
