package org.onlabel.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. The decisions live in {@link ProblemTranslator};
 * the methods below exist only because Quarkus picks the most specific mapper, and it ships its own for JSON
 * and validation failures that would otherwise answer in another format.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** A restarted embedded PostgreSQL is usually back within a few seconds. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if ((e instanceof jakarta.ws.rs.NotFoundException || status == 405) && uri != null && request != null) {
            java.util.Set<String> allowed = org.onlabel.common.http.AllowedMethods.at(uri.getPath());
            if (!allowed.isEmpty() && !allowed.contains(request.getMethod())) {
                return respond(new jakarta.ws.rs.NotAllowedException(String.join(", ", allowed),
                        allowed.toArray(String[]::new)), uri);
            }
        }
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response securityFailure(io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper
    public Response any(Throwable e, UriInfo uri) {
        return respond(e, uri);
    }

    private Response respond(Throwable failure, UriInfo uri) {
        ProblemTranslator.Translated t = ProblemTranslator.translate(failure);
        String detail = t.detail();
        if (t.type() == ProblemType.INTERNAL_ERROR) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(failure, "Unhandled failure, incident %s", incident);
            detail = detail + " (incident " + incident + ")";
        }
        URI instance = uri == null ? null : URI.create(uri.getRequestUri().getRawPath());
        Problem problem = new Problem(t.type().uri(), t.type().title(), t.type().status(), detail, instance, t.errors());
        Response.ResponseBuilder builder = Response.status(t.type().status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        if (t.type() == ProblemType.SERVICE_UNAVAILABLE) {
            builder.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (t.type() == ProblemType.UNAUTHORIZED) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        if (failure instanceof WebApplicationException wae && wae.getResponse() != null
                && wae.getResponse().getHeaderString("Allow") != null) {
            builder.header("Allow", wae.getResponse().getHeaderString("Allow"));
        }
        return builder.build();
    }
}
