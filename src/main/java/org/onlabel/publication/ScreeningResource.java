package org.onlabel.publication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onlabel.common.http.PublicUrl;
import org.onlabel.common.security.CurrentCaller;

@Path("/api/v1/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Screenings", description = "Permanent screening reports of a manuscript's data uses, for reviewers")
public class ScreeningResource {
    private static final String EXAMPLE = """
            {"manuscript": {"submissionId": "RYAI-26-0042"},
             "uses": [{"task": "mri-reconstruction", "purpose": {"commercial": false},
                       "datasets": [{"key": "fastmri-knee-multicoil", "role": "train"},
                                    {"role": "test", "inline": {"name": "inhouse-knee-test", "title": "In-house knee test set",
                                     "derivedFrom": ["fastmri-knee-multicoil"], "modalities": ["MR"],
                                     "representation": {"domain": "image", "complex": false, "coils": "combined"},
                                     "preprocessing": [{"step": "coil-combination"}, {"step": "magnitude-extraction"}]}}]}]}""";

    private final ScreeningService service;
    private final CurrentCaller caller;
    private final PublicUrl publicUrl;

    public ScreeningResource(ScreeningService service, CurrentCaller caller, PublicUrl publicUrl) {
        this.service = service;
        this.caller = caller;
        this.publicUrl = publicUrl;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement(name = "bearer")
    @Operation(operationId = "createScreening", summary = "Screen a manuscript's data uses",
            description = "Runs a check for every use the manuscript reports (datasets by key, DOI, or described "
                    + "inline when unregistered) and stores the outcome as an immutable report with the ruleset version, "
                    + "each dataset's revision and every finding. Journals and admins; curators for their own "
                    + "manuscripts. The same request later makes a new report; earlier ones stay as they were. The "
                    + "answer carries a share link (shown once) that lets a reviewer without an account read the report.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScreeningRequest.class),
            examples = @ExampleObject(name = "registered-train-inline-test", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The stored report, with its share link",
            headers = @Header(name = "Location", description = "URL of the report", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScreeningReport.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response create(@NotNull(message = "a JSON body is required") @Valid ScreeningRequest request) {
        Map<String, Object> report = service.screen(caller.get(), request, publicUrl);
        return Response.created(java.net.URI.create((String) report.get("url"))).entity(report).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getScreening", summary = "Read a screening report",
            description = "The report exactly as stored. Readable by its creator's organization and admins, and by "
                    + "anyone with its share link (?access=…); everyone else gets 404, as for an id that does not exist.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScreeningReport.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Map<String, Object> get(@Parameter(description = "Report id") @PathParam("id") String id,
            @Parameter(description = "Share token from the share link") @QueryParam("access") String access) {
        return service.read(caller.get(), id, access);
    }
}
