package org.onlabel.dataset;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
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
import org.onlabel.common.error.Problem;
import org.onlabel.audit.AuditPage;
import org.onlabel.common.paging.Cursor;
import org.onlabel.common.http.PublicUrl;
import org.onlabel.common.http.QueryParams;
import org.onlabel.common.security.CurrentCaller;

@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets", description = "The catalog of medical imaging datasets")
public class DatasetResource {
    private final DatasetService service;
    private final OnLabelConfig config;
    private final CurrentCaller caller;
    private final PublicUrl publicUrl;
    private final org.onlabel.interop.ExportService exports;

    public DatasetResource(DatasetService service, OnLabelConfig config, CurrentCaller caller, PublicUrl publicUrl,
            org.onlabel.interop.ExportService exports) {
        this.exports = exports;
        this.service = service;
        this.config = config;
        this.caller = caller;
        this.publicUrl = publicUrl;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDataset", summary = "Register a dataset",
            description = "Creates a dataset under a new, immutable key. Vocabulary fields (modalities, tasks, DUO and "
                    + "DICOM codes, representation) must name terms of GET /api/v1/vocabularies/{name}. The answer "
                    + "carries warnings about the declared intended uses (OFF_LABEL for the dataset's own lineage, an "
                    + "inherited contraindication, missing facts that make checks UNKNOWN); they never block the write.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DatasetRequest.class),
            examples = @ExampleObject(name = "fastmri-knee-multicoil", value = DatasetExamples.CREATE)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", description = "URL of the new dataset", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Entity tag of the new dataset", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response create(@NotNull(message = "a JSON body is required") @Valid DatasetRequest request,
            @Parameter(description = "Makes retries safe: the same key and body return the first response again "
                    + "(for 24 h); the same key with another body is a 409; a blank key is a 422",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        if (idempotencyKey == null && headers.getRequestHeaders().containsKey("Idempotency-Key")) {
            idempotencyKey = "";
        }
        DatasetService.Created result = service.create(caller.get(), request, idempotencyKey);
        if (result.replay() != null) {
            var stored = result.replay();
            return Response.status(stored.status())
                    .location(location(stored.location()))
                    .header(HttpHeaders.ETAG, stored.etag())
                    .header("Idempotent-Replayed", "true")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(stored.body())
                    .build();
        }
        DatasetService.Versioned created = result.dataset();
        return Response.created(location(created.dataset().key()))
                .header(HttpHeaders.ETAG, created.etag())
                .entity(created.dataset())
                .build();
    }

    private java.net.URI location(String key) {
        return publicUrl.resolve("/api/v1/datasets/" + key);
    }

    @GET
    @Path("/{key}")
    @Produces({MediaType.APPLICATION_JSON, org.onlabel.interop.croissant.CroissantWriter.MEDIA_TYPE})
    @Operation(operationId = "getDataset", summary = "Read a dataset",
            description = "Returns the dataset with its ETag; send the ETag back in If-Match to update it, or in "
                    + "If-None-Match to get 304 when it has not changed. With Accept: application/ld+json, the "
                    + "dataset's Croissant 1.0 record instead (as GET /api/v1/datasets/{key}/croissant).")
    @APIResponse(responseCode = "200", description = "The dataset",
            headers = @Header(name = "ETag", description = "Entity tag of this revision", schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetResponse.class),
                    examples = @ExampleObject(name = "brats-2021", value = DatasetExamples.READ)),
                    @Content(mediaType = org.onlabel.interop.croissant.CroissantWriter.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.OBJECT, description = "Croissant 1.0 JSON-LD"))})
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match",
            headers = @Header(name = "ETag", description = "Entity tag of the current revision", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Response get(@Parameter(description = "Dataset key", example = "brats-2021") @PathParam("key") String key,
            @Parameter(description = "ETag of a copy the client holds") @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @jakarta.ws.rs.core.Context HttpHeaders headers) {
        if (prefersJsonLd(headers)) {
            var croissant = exports.croissant(caller.get(), key);
            return Response.ok(croissant.body()).type(croissant.mediaType()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        if (ifNoneMatch != null) {
            var current = service.currentETag(caller.get(), key);
            if (current.isPresent() && current.get().equals(ifNoneMatch)) {
                return Response.notModified().header(HttpHeaders.ETAG, current.get()).build();
            }
        }
        DatasetService.Versioned found = service.get(caller.get(), key);
        if (found.etag().equals(ifNoneMatch)) {
            return Response.notModified().tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(found.revision()))).build();
        }
        return Response.ok(found.dataset()).type(MediaType.APPLICATION_JSON).header(HttpHeaders.ETAG, found.etag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** JSON-LD when the client ranks it above plain JSON (a wildcard counts as JSON). */
    private static boolean prefersJsonLd(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if ("application".equalsIgnoreCase(type.getType()) && "ld+json".equalsIgnoreCase(type.getSubtype())) {
                return true;
            }
        }
        return false;
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateDataset", summary = "Replace a dataset",
            description = "Full update: the body is the complete new state (absent fields become empty). Requires "
                    + "If-Match with the ETag of the last read; the key cannot change. The answer carries warnings "
                    + "as a create's does.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DatasetRequest.class),
            examples = @ExampleObject(name = "fastmri-knee-multicoil", value = DatasetExamples.CREATE)))
    @APIResponse(responseCode = "200", description = "The updated dataset",
            headers = @Header(name = "ETag", description = "Entity tag of the new revision", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@Parameter(description = "Dataset key", example = "brats-2021") @PathParam("key") String key,
            @Parameter(description = "ETag from the last read", required = true, example = "\"0\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid DatasetRequest request) {
        DatasetService.Versioned updated = service.update(caller.get(), key, ifMatch, request);
        return Response.ok(updated.dataset()).header(HttpHeaders.ETAG, updated.etag()).build();
    }

    @DELETE
    @Path("/{key}")
    @Operation(operationId = "removeDataset", summary = "Remove a dataset (admins)",
            description = "Turns the dataset into a tombstone: its content is cleared, its key stays taken (a new "
                    + "registration under it is a 409, a read is a 410), its place in the lineage stays as a node with "
                    + "status removed (descendants' checks carry any.removed-ancestor), and its earlier audit events "
                    + "lose their values. The audit trail keeps who removed it and the reason. The reason is a query "
                    + "parameter because a DELETE body has no defined meaning in HTTP; do not repeat the removed "
                    + "content in it.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response remove(@Parameter(description = "Dataset key", example = "knee-raw-demo") @PathParam("key") String key,
            @Parameter(description = "Why it is removed (kept in the audit trail)", required = true,
                    example = "registered by mistake") @QueryParam("reason") @NotBlank(message = "a reason is required")
            @Size(max = 500) String reason) {
        service.remove(caller.get(), key, reason.strip());
        return Response.noContent().build();
    }

    @GET
    @Operation(operationId = "listDatasets", summary = "List and search datasets",
            description = "Datasets in key order, one page at a time. Filters combine with AND. q is a full-text "
                    + "search over key, title, publisher and description (web-search syntax: words, \"phrases\", -not, or). "
                    + "fitFor lists the datasets fit for a task (stored verdicts, kept current on every write); with "
                    + "fitFor or task each item carries its own verdict for that task.")
    @APIResponse(responseCode = "200", description = "One page of datasets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetPage.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public DatasetPage list(
            @Parameter(description = "Full-text search", example = "brain tumour") @QueryParam("q") @Size(max = 500) String q,
            @Parameter(description = "DICOM modality code", example = "MR") @QueryParam("modality") String modality,
            @Parameter(description = "Body part", example = "brain") @QueryParam("anatomy") String anatomy,
            @Parameter(description = "An intended use (task id)", example = "segmentation") @QueryParam("task") String task,
            @Parameter(description = "License expression, exact (case-insensitive)", example = "CC-BY-4.0") @QueryParam("license") String license,
            @Parameter(description = "active, deprecated or retracted", example = "active") @QueryParam("status") String status,
            @Parameter(description = "Owning organization", example = "nyu") @QueryParam("organization") String organization,
            @Parameter(description = "Page size (capped by the server)", example = "50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("limit") String limit,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "The dataset's own DOI (any accepted spelling)", example = "10.13026/8360-t248")
            @QueryParam("doi") @Size(max = 300) String doi,
            @Parameter(description = "DOI of a publication linked to the datasets", example = "10.1148/ryai.2020190007")
            @QueryParam("publication") @Size(max = 300) String publication,
            @Parameter(description = "Only datasets fit for this task (task id): those whose verdict for it, as their "
                    + "label gives it to you (role any, no purpose), is ON_LABEL or CAUTION; each item then carries "
                    + "verdict. Unlike task, which filters on declared intended uses", example = "segmentation")
            @QueryParam("fitFor") @Size(max = 200) String fitFor) {
        int pageSize = config.api().pageSize(QueryParams.integer("limit", limit, 1));
        DatasetQuery query = new DatasetQuery(nonBlank(q), nonBlank(modality), nonBlank(anatomy), nonBlank(task),
                nonBlank(license), nonBlank(status), nonBlank(organization), Cursor.decode(cursor), pageSize)
                .withDois(nonBlank(doi).map(d -> org.onlabel.publication.PublicationService.doi("doi", d).value()),
                        nonBlank(publication).map(d -> org.onlabel.publication.PublicationService.doi("publication", d).value()))
                .withFitFor(nonBlank(fitFor));
        var page = service.list(caller.get(), query);
        return new DatasetPage(page.items(), page.next());
    }

    @POST
    @Path("/{key}/retraction")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "retractDataset", summary = "Retract a dataset",
            description = "Marks the dataset retracted with a reason. Checks of the dataset and of every descendant then "
                    + "carry the violation any.retracted-ancestor naming it. Owner organization's curators and admins.")
    @APIResponse(responseCode = "200", description = "The retracted dataset",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "ETag", description = "Entity tag of the new revision", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetResponse.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response retract(@Parameter(description = "Dataset key", example = "brats-2021") @PathParam("key") String key,
            @NotNull(message = "a JSON body is required") @Valid StatusChange change) {
        return statusChanged(service.changeStatus(caller.get(), key, "retracted", change));
    }

    @POST
    @Path("/{key}/deprecation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "deprecateDataset", summary = "Deprecate a dataset",
            description = "Marks the dataset deprecated with a reason and, optionally, the dataset that replaces it. "
                    + "Checks of it and its descendants then carry the caution any.deprecated.")
    @APIResponse(responseCode = "200", description = "The deprecated dataset",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "ETag", description = "Entity tag of the new revision", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetResponse.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response deprecate(@Parameter(description = "Dataset key", example = "brats-2021") @PathParam("key") String key,
            @NotNull(message = "a JSON body is required") @Valid StatusChange change) {
        return statusChanged(service.changeStatus(caller.get(), key, "deprecated", change));
    }

    private static Response statusChanged(DatasetService.Versioned changed) {
        return Response.ok(changed.dataset()).header(HttpHeaders.ETAG, changed.etag()).build();
    }

    @GET
    @Path("/{key}/audit")
    @org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement(name = "bearer")
    @Operation(operationId = "getDatasetAudit", summary = "Read a dataset's audit trail",
            description = "Every change to the dataset, oldest first: who, when, and an RFC 6902 JSON Patch of what "
                    + "changed. For members of the owning organization and admins.")
    @APIResponse(responseCode = "200", description = "One page of audit events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public AuditPage audit(@Parameter(description = "Dataset key", example = "brats-2021") @PathParam("key") String key,
            @Parameter(description = "Page size (capped by the server)", example = "50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("limit") String limit,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor) {
        return AuditPage.of(service.auditTrail(caller.get(), key, cursor, config.api().pageSize(QueryParams.integer("limit", limit, 1))));
    }


    /** A page of datasets; its own type so that the OpenAPI schema names the item type. */
    @Schema(name = "DatasetPage")
    public record DatasetPage(java.util.List<DatasetResponse> items,
            @Schema(description = "Cursor of the next page; null on the last", nullable = true) String next) {
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
