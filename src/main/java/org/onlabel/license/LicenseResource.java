package org.onlabel.license;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.QueryParam;
import org.onlabel.audit.AuditPage;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.http.ETags;
import org.onlabel.common.security.CurrentCaller;

@Path("/api/v1/licenses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Licenses", description = "License attributes the license and data-use rules reason over")
public class LicenseResource {
    private final LicenseService service;
    private final CurrentCaller caller;
    private final OnLabelConfig config;

    public LicenseResource(LicenseService service, CurrentCaller caller, OnLabelConfig config) {
        this.service = service;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/{id}/audit")
    @org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement(name = "bearer")
    @Operation(operationId = "getLicenseAudit", summary = "Read a license's audit trail (admins)",
            description = "Every change to the license, oldest first, with an RFC 6902 JSON Patch of what changed.")
    @APIResponse(responseCode = "200", description = "One page of audit events",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public AuditPage audit(@Parameter(description = "SPDX id or LicenseRef-…", example = "CC-BY-NC-4.0") @PathParam("id") String id,
            @Parameter(description = "Page size (capped by the server)", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1")) @QueryParam("limit") String limit,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor) {
        return AuditPage.of(service.auditTrail(caller.get(), id, cursor, config.api().pageSize(org.onlabel.common.http.QueryParams.integer("limit", limit, 1))));
    }

    /** The license table. */
    @Schema(name = "LicenseList")
    public record LicenseList(List<LicenseRecord> items) {
    }

    @GET
    @Operation(operationId = "listLicenses", summary = "List licenses and their attributes")
    @APIResponse(responseCode = "200", description = "Every license",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LicenseList.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public LicenseList list() {
        return new LicenseList(service.list(caller.get()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getLicense", summary = "Read one license")
    @APIResponse(responseCode = "200", description = "The license",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "ETag", description = "Entity tag of this revision (send it in If-Match to change the license)", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LicenseRecord.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@Parameter(description = "SPDX id or LicenseRef-…", example = "CC-BY-NC-4.0") @PathParam("id") String id) {
        LicenseRepository.Row row = service.get(caller.get(), id);
        return Response.ok(row.license()).header(HttpHeaders.ETAG, ETags.of(row.revision())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putLicense", summary = "Add or change a license (admins)",
            description = "Creates the license (201) or replaces it (200; If-Match with its ETag is required).")
    @APIResponse(responseCode = "200", description = "Replaced",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "ETag", description = "Entity tag of the new revision", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LicenseRecord.class)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "ETag", description = "Entity tag of the new license", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LicenseRecord.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response put(@Parameter(description = "SPDX id or LicenseRef-…", example = "LicenseRef-fastMRI-DSA") @PathParam("id") String id,
            @Parameter(description = "ETag from the last read (required to replace)") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid LicenseRecord.Update update) {
        LicenseService.Saved saved = service.put(caller.get(), id, ifMatch, update);
        return Response.status(saved.created() ? 201 : 200).entity(saved.row().license())
                .header(HttpHeaders.ETAG, ETags.of(saved.row().revision())).build();
    }
}
