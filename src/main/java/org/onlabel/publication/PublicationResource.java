package org.onlabel.publication;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.http.DoiPaths;
import org.onlabel.common.http.PublicUrl;
import org.onlabel.common.http.QueryParams;
import org.onlabel.common.security.CurrentCaller;

@Path(DoiPaths.API)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Publications", description = "Papers (by DOI) and the datasets they describe or use")
public class PublicationResource {
    private static final String DOI_EXAMPLE = "10.1148%2Fryai.2020190007";
    private static final String EXAMPLE = """
            {"title": "fastMRI: a publicly available raw k-space and DICOM dataset of knee images for accelerated MR image reconstruction using machine learning",
             "journal": "Radiology: Artificial Intelligence", "year": 2020, "type": "data-resource",
             "authors": ["Knoll F", "Zbontar J", "Sriram A"],
             "datasets": [{"key": "fastmri-knee-multicoil", "relation": "IsDescribedBy"}]}""";

    private final PublicationService service;
    private final CurrentCaller caller;
    private final OnLabelConfig config;
    private final PublicUrl publicUrl;

    public PublicationResource(PublicationService service, CurrentCaller caller, OnLabelConfig config, PublicUrl publicUrl) {
        this.service = service;
        this.caller = caller;
        this.config = config;
        this.publicUrl = publicUrl;
    }

    @PUT
    @Path(DoiPaths.DOI)
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement(name = "bearer")
    @Operation(operationId = "putPublication", summary = "Register or replace a publication",
            description = "The DOI is the path, URL-encoded (10.1148%2Fryai.2020190007); any letter case and the "
                    + "https://doi.org/ and doi: prefixes are accepted and normalised. Creates the publication (201) or "
                    + "replaces it (200, If-Match required). Journals and admins manage publications; curators may "
                    + "register a paper and link or unlink their own organization's datasets. Links to datasets the "
                    + "caller cannot see are kept as they are.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublicationRequest.class),
            examples = @ExampleObject(name = "fastmri-data-resource", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced",
            headers = @Header(name = "ETag", description = "Entity tag of the new revision", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationResponse.class)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", description = "URL of the publication", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Entity tag of the new publication", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationResponse.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response put(@Parameter(description = "DOI, URL-encoded", example = DOI_EXAMPLE) @PathParam("doi") String doi,
            @Parameter(description = "ETag from the last read; required to replace an existing publication", example = "\"0\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PublicationRequest request) {
        PublicationService.Versioned saved = service.put(caller.get(), doi, ifMatch, request);
        Response.ResponseBuilder response = saved.created()
                ? Response.created(location(saved.publication().doi())) : Response.ok();
        return response.header(HttpHeaders.ETAG, saved.etag()).entity(saved.publication()).build();
    }

    @GET
    @Path(DoiPaths.DOI)
    @Operation(operationId = "getPublication", summary = "Read a publication",
            description = "The publication with its links to the datasets the caller may see.")
    @APIResponse(responseCode = "200", description = "The publication",
            headers = @Header(name = "ETag", description = "Entity tag of this revision", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationResponse.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response get(@Parameter(description = "DOI, URL-encoded", example = DOI_EXAMPLE) @PathParam("doi") String doi) {
        PublicationService.Versioned found = service.get(caller.get(), doi);
        return Response.ok(found.publication()).header(HttpHeaders.ETAG, found.etag()).build();
    }

    @GET
    @Operation(operationId = "listPublications", summary = "List publications",
            description = "In DOI order, one page at a time; with dataset=, the publications linked to that dataset.")
    @APIResponse(responseCode = "200", description = "One page of publications",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationPage.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public PublicationPage list(
            @Parameter(description = "Only publications linked to this dataset", example = "fastmri-knee-multicoil")
            @QueryParam("dataset") @Size(max = 128) String dataset,
            @Parameter(description = "Page size (capped by the server)", example = "50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("limit") String limit,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor) {
        var page = service.list(caller.get(), dataset == null || dataset.isBlank() ? null : dataset.strip(), cursor,
                config.api().pageSize(QueryParams.integer("limit", limit, 1)));
        return new PublicationPage(page.items(), page.next());
    }

    private java.net.URI location(String doi) {
        return publicUrl.resolve(DoiPaths.API + "/" + java.net.URLEncoder.encode(doi, java.nio.charset.StandardCharsets.UTF_8));
    }
}
