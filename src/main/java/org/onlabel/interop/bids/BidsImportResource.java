package org.onlabel.interop.bids;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onlabel.common.security.CurrentCaller;
import org.onlabel.dataset.DatasetResponse;
import org.onlabel.dataset.DatasetService;

@Path("/api/v1/imports/bids")
@Tag(name = "Interoperability")
public class BidsImportResource {
    private final BidsImportService service;
    private final CurrentCaller caller;
    private final org.onlabel.common.http.PublicUrl publicUrl;

    public BidsImportResource(BidsImportService service, CurrentCaller caller, org.onlabel.common.http.PublicUrl publicUrl) {
        this.service = service;
        this.caller = caller;
        this.publicUrl = publicUrl;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importBids", summary = "Register a dataset from a BIDS dataset_description.json",
            description = "Name → title, License → license (when it is an SPDX expression; otherwise kept in extras), "
                    + "DatasetDOI → doi, GeneratedBy → preprocessing steps (software name, version, code URL, "
                    + "container), SourceDatasets → parents matched by DOI or URL, else unregistered stubs. Every "
                    + "other field (HowToAcknowledge, ReferencesAndLinks, Authors, ...) is kept under extras.bids.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BidsDescription.class),
            examples = @ExampleObject(name = "derivative", value = """
                    {"Name": "Skull-stripped T1w", "BIDSVersion": "1.9.0", "DatasetType": "derivative", "License": "CC0",
                     "GeneratedBy": [{"Name": "HD-BET", "Version": "1.0", "CodeURL": "https://github.com/MIC-DKFZ/HD-BET"}],
                     "SourceDatasets": [{"DOI": "doi:10.18112/openneuro.ds000001.v1.0.0"}],
                     "HowToAcknowledge": "Cite the source dataset."}""")))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {@org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Location", description = "URL of the new dataset",
                    schema = @Schema(type = SchemaType.STRING)),
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "ETag", description = "Entity tag of the new dataset",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response importDescription(
            @Parameter(description = "Key for the new dataset", required = true, example = "ds000001-skullstripped")
            @QueryParam("key") String key,
            @NotNull(message = "a JSON body is required") JsonNode description) {
        DatasetService.Versioned created = service.importDescription(caller.get(), key, description);
        return Response.created(publicUrl.resolve("/api/v1/datasets/" + created.dataset().key()))
                .header(HttpHeaders.ETAG, created.etag())
                .entity(created.dataset())
                .build();
    }
}
