package org.onlabel.common.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.onlabel.common.error.Problem;

/** The document-level parts of the OpenAPI contract: info, and the error responses operations refer to. */
@OpenAPIDefinition(
        info = @Info(title = "OnLabel API", version = "v1",
                description = "Provenance and intended-use registry for medical imaging datasets: what a dataset is, "
                        + "what it was made for, what was done to it, and whether a proposed use is on-label.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0"),
                contact = @Contact(name = "OnLabel")),
        components = @Components(responses = {
                @APIResponse(name = "BadRequest", description = "Malformed request: the body is not JSON (or not UTF-8, or holds "
                        + "duplicate members, trailing content, nesting deeper than 32 levels, NUL, unpaired surrogates or "
                        + "control characters), has fields of the wrong type or unknown fields; or the path or Host is malformed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "unknown-field", value = ApiDefinition.BAD_REQUEST))),
                @APIResponse(name = "ValidationFailed", description = "The request is well-formed but some fields are invalid",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "unknown-task", value = ApiDefinition.VALIDATION_FAILED))),
                @APIResponse(name = "Unauthorized", description = "No token where one is needed, or a token that is invalid, "
                        + "expired, from another issuer or for another audience",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "Forbidden", description = "The caller's roles or organization do not allow this",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "NotFound", description = "No such resource (or not visible to the caller)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "not-found", value = ApiDefinition.NOT_FOUND))),
                @APIResponse(name = "Conflict", description = "Conflicts with an existing resource, e.g. a duplicate key",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "duplicate-key", value = ApiDefinition.CONFLICT))),
                @APIResponse(name = "Gone", description = "The dataset was removed by an administrator; its key stays taken",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "ServiceUnavailable", description = "The database is not reachable right now, or (checks "
                        + "and labels over deep lineages) as many deep evaluations as the service runs at once are "
                        + "running; nothing was changed. Retry after the seconds in Retry-After",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "PreconditionFailed", description = "If-Match names a stale ETag",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "PreconditionRequired", description = "If-Match is missing",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "PayloadTooLarge", description = "The body is over the configured limit",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = "UriTooLong", description = "The request line is over the HTTP layer's limit (4,096 "
                        + "bytes); answered by the HTTP layer before the service, with an empty body"),
                @APIResponse(name = "HeadersTooLarge", description = "The request line or headers are over the HTTP layer's "
                        + "limits (4,096 bytes, 20 KiB); answered by the HTTP layer before the service, with an empty body"),
                @APIResponse(name = "UnsupportedMediaType", description = "The body is not labelled application/json (UTF-8), "
                        + "or has a Content-Encoding",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
        },
                securitySchemes = @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP,
                        scheme = "bearer", bearerFormat = "JWT",
                        description = "Access token from the OnLabel Keycloak realm (audience onlabel-api). Reads of "
                                + "public datasets need none unless anonymous reads are switched off.")),
        servers = @org.eclipse.microprofile.openapi.annotations.servers.Server(url = "http://127.0.0.1:8080",
                description = "The local run (./run.sh); a deployment serves the same API under its onlabel.public-url"))
public class ApiDefinition extends Application {
    static final String BAD_REQUEST = """
            {"type": "urn:onlabel:problem:malformed-request", "title": "Malformed request", "status": 400,
             "detail": "Unknown field 'colour'", "instance": "/api/v1/datasets",
             "errors": [{"field": "colour", "message": "unknown field"}]}""";
    static final String VALIDATION_FAILED = """
            {"type": "urn:onlabel:problem:validation-failed", "title": "Validation failed", "status": 422,
             "detail": "1 field is invalid", "instance": "/api/v1/datasets",
             "errors": [{"field": "intendedUses[0].task",
                         "message": "'segmentaton' is not in vocabulary tasks; nearest terms: segmentation (see GET /api/v1/vocabularies/tasks)"}]}""";
    static final String NOT_FOUND = """
            {"type": "urn:onlabel:problem:not-found", "title": "Not found", "status": 404,
             "detail": "Dataset 'no-such-dataset' not found", "instance": "/api/v1/datasets/no-such-dataset"}""";
    static final String CONFLICT = """
            {"type": "urn:onlabel:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "A dataset with key 'brats-2021' already exists", "instance": "/api/v1/datasets"}""";
}
