package org.onlabel.interop.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onlabel.common.security.CurrentCaller;

@Path("/api/v1/lineage")
@Tag(name = "Interoperability", description = "Lineage and metadata from other tools: OpenLineage, BIDS")
public class OpenLineageResource {
    private final OpenLineageService service;
    private final CurrentCaller caller;

    public OpenLineageResource(OpenLineageService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ingestOpenLineageEvent", summary = "Receive an OpenLineage RunEvent",
            description = "The OpenLineage HTTP transport's endpoint (point its url at the service and its endpoint at "
                    + "/api/v1/lineage). Every event is stored; COMPLETE registers each output as derived from the "
                    + "inputs. Typed steps come from the custom facet onlabel_preprocessing on an output or on the run "
                    + "(schema: openapi/facets/OnLabelPreprocessingFacet.json); without it, one untyped step named "
                    + "after the job is recorded. Namespace 'onlabel' names OnLabel keys directly. For the pipeline and "
                    + "admin roles.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RunEventDocument.class),
            examples = @ExampleObject(name = "complete", value = OpenLineageExamples.COMPLETE)))
    @APIResponse(responseCode = "200", description = "Event recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResult.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public IngestResult ingest(@NotNull(message = "a JSON body is required") JsonNode event) {
        return service.ingest(caller.get(), event);
    }
}
