package org.onlabel.provenance.manifest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onlabel.common.config.OnLabelConfig;
import org.onlabel.common.http.QueryParams;
import org.onlabel.common.security.CurrentCaller;

/** Its own class (like the label's) so that these paths are matched ahead of the dataset resource's wider ones. */
@Path("/api/v1/datasets/{key}/manifest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Manifests", description = "Pseudonymous subject manifests: leakage and undeclared copies found by overlap")
public class ManifestResource {
    private final ManifestService service;
    private final CurrentCaller caller;
    private final OnLabelConfig config;

    public ManifestResource(ManifestService service, CurrentCaller caller, OnLabelConfig config) {
        this.service = service;
        this.caller = caller;
        this.config = config;
    }

    /** The body as the client sent it: parsed while it streams in, never held whole. */
    @Schema(name = "ManifestUpload")
    public record Upload(
            @Schema(required = true, enumeration = {"subject", "study", "image"}) String level,
            @Schema(required = true, description = "Id (name) of the salt, e.g. a community salt per source cohort; "
                    + "never the salt itself", examples = "tcia-patient-id") String salt,
            @Schema(required = true, description = "Hex SHA-256 of salt + identifier, up to 1,000,000; raw "
                    + "identifiers are refused; each matches ^[0-9a-fA-F]{64}$", maxItems = 1_000_000)
            java.util.List<String> ids) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putManifest", summary = "Register a dataset's manifest",
            description = "Replaces the dataset's manifest of that level. Only hashes: every id must be 64 hexadecimal "
                    + "digits (SHA-256 of salt + identifier), else 422 and nothing changes. Up to 1,000,000 ids; the body "
                    + "is streamed and has its own size limit (onlabel.manifest.max-body-bytes, default 100 MB). "
                    + "Curators and pipelines of the owning organization, and admins.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Upload.class),
            examples = @ExampleObject(name = "subjects", value = """
                    {"level": "subject", "salt": "tcia-patient-id",
                     "ids": ["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"]}""")))
    @APIResponse(responseCode = "200", description = "The manifest stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ManifestSummary.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public ManifestSummary put(@Parameter(description = "Dataset key", example = "lidc-idri") @PathParam("key") String key,
            InputStream body) {
        return service.register(caller.get(), key, body);
    }

    @GET
    @Operation(operationId = "getManifest", summary = "Read a dataset's manifest",
            description = "The hashed identifiers of one level, a page at a time in hash order. Only the owning "
                    + "organization and admins.")
    @APIResponse(responseCode = "200", description = "One page of the manifest",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ManifestPage.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public ManifestPage get(@Parameter(description = "Dataset key", example = "lidc-idri") @PathParam("key") String key,
            @Parameter(description = "subject (default), study or image", schema = @Schema(enumeration = {"subject",
                    "study", "image"})) @QueryParam("level") String level,
            @Parameter(description = "Page size (at most 10000)", example = "1000", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1")) @QueryParam("limit") String limit,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor) {
        Integer size = QueryParams.integer("limit", limit, 1);
        return service.read(caller.get(), key, level, cursor, size == null ? 1000 : size);
    }
}
