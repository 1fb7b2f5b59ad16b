package org.onlabel.common.error;

import java.net.URI;

/**
 * The problem types this API returns. Each has a stable URN (the RFC 9457 {@code type}), a status and a title;
 * clients switch on the type, people read the title and detail.
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "Malformed request"),
    VALIDATION_FAILED(422, "Validation failed"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    GONE(410, "Gone"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    INTERNAL_ERROR(500, "Internal server error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create("urn:onlabel:problem:" + name().toLowerCase().replace('_', '-'));
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
