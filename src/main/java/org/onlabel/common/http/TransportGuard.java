package org.onlabel.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.onlabel.common.error.Problem;
import org.onlabel.common.error.ProblemType;

/**
 * The first handler of every request, before security and before any resource: a request without exactly one
 * valid {@code Host} (HTTP/1.0 included) or whose path has dot segments ({@code ..}, {@code %2e%2e}) or encoded
 * slashes is refused with a 400 problem, so that no path is normalised into another endpoint. It also answers the
 * failures the HTTP layer raises itself (an oversized body, a malformed request the router still sees) as problems.
 * Requests so malformed that the HTTP decoder refuses them (an unparseable request line, headers over
 * {@code quarkus.http.limits}) are answered by Vert.x before any application code runs, with an empty body.
 */
@Singleton
public class TransportGuard {
    private static final Logger LOG = Logger.getLogger(TransportGuard.class);
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern HOST = Pattern.compile(
            "^(?:" + LABEL + "(?:\\." + LABEL + ")*\\.?|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?$");

    private final ObjectMapper mapper;

    public TransportGuard(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(-3000).handler(this::guard);
        router.route().order(-3000).failureHandler(this::failure);
    }

    private void guard(RoutingContext ctx) {
        if (!hasValidAuthority(ctx)) {
            respond(ctx, ProblemType.MALFORMED_REQUEST, "Send exactly one valid Host header");
            return;
        }
        String problem = pathProblem(ctx.request().path());
        if (problem != null) {
            respond(ctx, ProblemType.MALFORMED_REQUEST, problem);
            return;
        }
        ctx.next();
    }

    /** HTTP/1.x: exactly one Host header naming a host (and port); HTTP/2: a valid :authority. */
    private static boolean hasValidAuthority(RoutingContext ctx) {
        if (ctx.request().version() == io.vertx.core.http.HttpVersion.HTTP_2) {
            var authority = ctx.request().authority();
            return authority != null && HOST.matcher(authority.host() + (authority.port() > 0 ? ":" + authority.port() : ""))
                    .matches();
        }
        List<String> hosts = ctx.request().headers().getAll("Host");
        return hosts.size() == 1 && HOST.matcher(hosts.get(0)).matches();
    }

    /** Why the raw path is refused, or null. */
    static String pathProblem(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return "The request target must be an absolute path";
        }
        // a DOI route's path ends in a URL-encoded DOI whose slash may be %2F; everything after the prefix is the DOI
        boolean doiPath = DoiPaths.takesDoi(rawPath);
        for (String segment : rawPath.split("/", -1)) {
            String decoded;
            try {
                decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                return "The request path has an invalid %-escape";
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                return "The request path must not contain '.' or '..' segments";
            }
            if ((decoded.contains("/") && !doiPath) || decoded.contains("\\")) {
                return "The request path must not contain encoded slashes or backslashes";
            }
        }
        return null;
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().ended() || ctx.response().headWritten()
                || (failure != null && failure.getClass().getName().startsWith("io.quarkus.security"))) {
            ctx.next();
            return;
        }
        int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        if (status == 401 || status == 403) {
            ctx.next();
            return;
        }
        ProblemType type = status < 400 ? ProblemType.INTERNAL_ERROR : ProblemType.forStatus(status);
        String detail = switch (type) {
            case PAYLOAD_TOO_LARGE -> "The request body is too large";
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource";
            case INTERNAL_ERROR, SERVICE_UNAVAILABLE -> {
                String incident = UUID.randomUUID().toString();
                LOG.errorf(failure, "Unhandled failure in the HTTP layer, incident %s", incident);
                yield "The service failed to handle this request (incident " + incident + ")";
            }
            default -> "The request could not be read";
        };
        respond(ctx, type, detail);
    }

    private void respond(RoutingContext ctx, ProblemType type, String detail) {
        Problem problem = new Problem(type.uri(), type.title(), type.status(), detail, instance(ctx.request().path()), List.of());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"" + type.uri() + "\",\"status\":" + type.status() + "}";
        }
        ctx.response().setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }

    private static URI instance(String path) {
        if (path == null || pathProblem(path) != null) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
