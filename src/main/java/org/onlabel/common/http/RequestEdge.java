package org.onlabel.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.error.ProblemType;
import org.onlabel.common.text.JsonText;

/**
 * The checks every request passes before it is routed to a resource: a body must say it is JSON (415 otherwise,
 * including for a compressed body, which the service does not decode), the path must be acceptable text (400), and
 * query values too (422 naming the parameter). Nothing with NUL or a control character reaches a resource.
 */
public class RequestEdge {
    private static final List<String> BODY_METHODS = List.of("POST", "PUT", "PATCH", "DELETE");
    /** The web pages' own form posts (org.onlabel.web), the only bodies that are not JSON. */
    private static final List<String> FORM_PATHS = List.of("/signout");

    @ServerRequestFilter(preMatching = true, priority = 500)
    public void check(ContainerRequestContext request) {
        checkPath(request);
        checkQuery(request);
        if (BODY_METHODS.contains(request.getMethod()) && hasBody(request) && !isPageForm(request)) {
            checkBodyEncoding(request);
        }
    }

    private static void checkPath(ContainerRequestContext request) {
        String path;
        try {
            path = request.getUriInfo().getPath(true);
        } catch (IllegalArgumentException badEscape) {
            throw new ApiException(ProblemType.MALFORMED_REQUEST, "The request path has an invalid %-escape");
        }
        JsonText.singleLineProblem(path).ifPresent(problem -> {
            throw new ApiException(ProblemType.MALFORMED_REQUEST, "The request path " + problem);
        });
    }

    private static void checkQuery(ContainerRequestContext request) {
        MultivaluedMap<String, String> query;
        try {
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException badEscape) {
            throw new ApiException(ProblemType.MALFORMED_REQUEST, "The query string has an invalid %-escape");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            Optional<String> nameProblem = JsonText.singleLineProblem(name);
            if (nameProblem.isPresent()) {
                throw new ApiException(ProblemType.MALFORMED_REQUEST, "A query parameter name " + nameProblem.get());
            }
            for (String value : parameter.getValue()) {
                JsonText.singleLineProblem(value).ifPresent(problem -> errors.add(new FieldError(name, problem)));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    private static boolean isPageForm(ContainerRequestContext request) {
        String type = request.getHeaderString("Content-Type");
        return FORM_PATHS.contains(request.getUriInfo().getPath())
                && type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null && !length.isBlank()) {
            return !length.strip().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    private static void checkBodyEncoding(ContainerRequestContext request) {
        String encoding = request.getHeaderString("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding '" + encoding.strip() + "' is not supported; send the body uncompressed");
        }
        String contentType = request.getHeaderString("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send Content-Type: application/json with a body");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType.strip());
        } catch (IllegalArgumentException malformed) {
            throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type is malformed; send application/json");
        }
        if (type.isWildcardType() || type.isWildcardSubtype()
                || !type.getType().equalsIgnoreCase("application") || !type.getSubtype().equalsIgnoreCase("json")) {
            throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.toLowerCase(Locale.ROOT).replace("\"", "").equals("utf-8")) {
            throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as UTF-8 (charset=utf-8)");
        }
    }
}
