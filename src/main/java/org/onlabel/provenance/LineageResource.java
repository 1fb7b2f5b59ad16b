package org.onlabel.provenance;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onlabel.common.http.PublicUrl;
import org.onlabel.common.http.QueryParams;
import org.onlabel.common.security.CurrentCaller;

@Path("/api/v1/datasets/{key}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Provenance", description = "Where a dataset comes from and what was done to it")
public class LineageResource {
    private final ProvenanceService service;
    private final CurrentCaller caller;
    private final PublicUrl publicUrl;

    public LineageResource(ProvenanceService service, CurrentCaller caller, PublicUrl publicUrl) {
        this.service = service;
        this.caller = caller;
        this.publicUrl = publicUrl;
    }

    @GET
    @Path("/lineage")
    @Operation(operationId = "getLineage", summary = "The lineage graph around a dataset",
            description = "Ancestors (upstream), descendants (downstream) or both, as nodes and derivation edges. "
                    + "Downstream nodes have negative depth. Datasets under embargo that the caller may not see are "
                    + "left out, and the walk does not pass through them.")
    @APIResponse(responseCode = "200", description = "The graph",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Lineage.class),
                    examples = @ExampleObject(name = "brats-2021 upstream", value = """
                            {"root": "brats-2021", "direction": "upstream", "truncated": false,
                             "nodes": [{"key": "brats-2021", "title": "BraTS 2021", "depth": 0, "registered": true, "status": "active"},
                                       {"key": "tcga-gbm", "title": "TCGA-GBM", "depth": 1, "registered": true, "status": "active"}],
                             "edges": [{"from": "tcga-gbm", "to": "brats-2021", "steps": [
                               {"step": "resampling", "parameters": {"targetSpacingMm": 1.0}, "software": null, "description": null, "runId": null}]}]}""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Lineage lineage(@Parameter(description = "Dataset key", example = "brats-2021") @PathParam("key") String key,
            @Parameter(description = "upstream (default), downstream or both",
                    schema = @Schema(enumeration = {"upstream", "downstream", "both"})) @QueryParam("direction") String direction,
            @Parameter(description = "Derivation steps to follow (default 20, capped at 100)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("depth") String depth,
            @Parameter(description = "Most nodes per direction (default 1000, capped at 10000); beyond it truncated is true",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("limit") String limit) {
        return service.lineage(caller.get(), key, direction, QueryParams.integer("depth", depth, 1),
                QueryParams.integer("limit", limit, 1));
    }

    @GET
    @Path("/history")
    @Operation(operationId = "getHistory", summary = "The effective preprocessing history of a dataset",
            description = "Every step applied along every ancestor path, ordered from the sources to the dataset; "
                    + "each ancestor's steps appear once, even in a diamond, with the shortest path to it.")
    @APIResponse(responseCode = "200", description = "The history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = History.class),
                    examples = @ExampleObject(name = "brats-2021-synthetic-kspace", value = """
                            {"dataset": "brats-2021-synthetic-kspace", "unregisteredAncestors": [],
                             "steps": [
                               {"dataset": "tcga-gbm", "index": 0, "step": "de-identification", "parameters": {}, "software": null,
                                "description": null, "path": ["brats-2021-synthetic-kspace", "brats-2021", "tcga-gbm"]},
                               {"dataset": "brats-2021", "index": 2, "step": "resampling", "parameters": {"targetSpacingMm": 1.0},
                                "software": null, "description": null, "path": ["brats-2021-synthetic-kspace", "brats-2021"]},
                               {"dataset": "brats-2021-synthetic-kspace", "index": 0, "step": "synthetic-kspace", "parameters": {},
                                "software": null, "description": null, "path": ["brats-2021-synthetic-kspace"]}]}""")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public History history(@Parameter(description = "Dataset key", example = "brats-2021") @PathParam("key") String key) {
        return service.history(caller.get(), key);
    }

    @GET
    @Path("/prov")
    @Produces({"application/json", "application/prov+json"})
    @Operation(operationId = "getProv", summary = "The upstream lineage as W3C PROV-JSON",
            description = "Entities are datasets (prefix 'onlabel' = this service's dataset URL base), one activity per "
                    + "derivation ('<key>#derivation'), agents for software and organizations (prefix 'onlabel-agent').")
    @APIResponse(responseCode = "200", description = "A PROV-JSON document",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProvDocument.class)),
                    @Content(mediaType = "application/prov+json", schema = @Schema(implementation = ProvDocument.class))})
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Map<String, Object> prov(@Parameter(description = "Dataset key", example = "brats-2021") @PathParam("key") String key) {
        String base = publicUrl.resolve("/api/v1/datasets/").toString();
        return service.prov(caller.get(), key, base);
    }
}
