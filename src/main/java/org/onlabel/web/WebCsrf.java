package org.onlabel.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.ProblemType;

/**
 * Double-submit CSRF token for the pages' forms that change something: a random token in an HttpOnly, SameSite=Strict
 * cookie and the same token in a hidden form field; a POST whose field does not match the cookie is refused. Written
 * here rather than with quarkus-rest-csrf because that filter also sees every JSON POST of the API.
 */
@RequestScoped
public class WebCsrf {
    static final String COOKIE = "onlabel-csrf";
    static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServerRequest request;
    private String minted;

    public WebCsrf(HttpServerRequest request) {
        this.request = request;
    }

    /** The token for this page's forms: the caller's cookie, or a new one (then set by {@link PageHeaders}). */
    public String token() {
        String existing = cookie();
        if (existing != null) {
            return existing;
        }
        if (minted == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            minted = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return minted;
    }

    Optional<String> cookieToSet() {
        return minted == null ? Optional.empty()
                : Optional.of(COOKIE + "=" + minted + "; Path=/; HttpOnly; SameSite=Strict"
                        + (request.isSSL() ? "; Secure" : ""));
    }

    public void verify(String submitted) {
        if (!matches(cookie(), submitted)) {
            throw new ApiException(ProblemType.FORBIDDEN, "The form is stale or was not sent from an OnLabel page; reload the page and try again");
        }
    }

    static boolean matches(String cookie, String submitted) {
        return cookie != null && submitted != null && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII));
    }

    private String cookie() {
        var c = request.getCookie(COOKIE);
        return c == null || c.getValue().isBlank() ? null : c.getValue();
    }
}
