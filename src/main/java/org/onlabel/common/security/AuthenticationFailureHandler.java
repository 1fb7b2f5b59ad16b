package org.onlabel.common.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.onlabel.common.error.Problem;
import org.onlabel.common.error.ProblemType;

/**
 * A bearer token that fails verification (bad signature, expired, foreign issuer, wrong audience) is refused by
 * the HTTP layer before any resource runs; this answers those refusals as a problem, like every other error.
 */
@ApplicationScoped
public class AuthenticationFailureHandler {
    private final ObjectMapper mapper;

    public AuthenticationFailureHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(-1000).failureHandler(ctx -> {
            if (!(ctx.failure() instanceof AuthenticationFailedException) || ctx.response().ended()) {
                ctx.next();
                return;
            }
            Problem problem = new Problem(ProblemType.UNAUTHORIZED.uri(), ProblemType.UNAUTHORIZED.title(), 401,
                    "The bearer token is invalid, expired, or not issued for this API", instance(ctx.request().path()),
                    java.util.List.of());
            try {
                ctx.response().setStatusCode(401)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                        .end(mapper.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                ctx.next();
            }
        });
    }

    private static URI instance(String path) {
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
