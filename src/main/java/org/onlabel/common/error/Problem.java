package org.onlabel.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail (media type application/problem+json)")
public record Problem(
        @Schema(required = true, description = "Stable URN naming the kind of problem", examples = "urn:onlabel:problem:validation-failed")
        URI type,
        @Schema(required = true, description = "Short summary of the problem type", examples = "Validation failed")
        String title,
        @Schema(required = true, description = "HTTP status code", examples = "422")
        int status,
        @Schema(description = "What went wrong with this request")
        String detail,
        @Schema(description = "The request path this problem concerns (a relative reference)", format = "uri-reference",
                examples = "/api/v1/datasets")
        URI instance,
        @Schema(description = "Per-field validation errors")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
