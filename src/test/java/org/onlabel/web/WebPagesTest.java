package org.onlabel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Tokens;

/**
 * The pages over plain HTTP: their security headers (and the API's unchanged ones), the CSRF guard of sign-out,
 * sign-in redirecting to Keycloak with PKCE, and errors as HTML pages.
 */
@QuarkusTest
class WebPagesTest {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, String body, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesCarryStrictSecurityHeadersAndTheApiKeepsItsOwn() throws Exception {
        HttpResponse<String> page = get("/datasets/brats-2021");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=\"");

        HttpResponse<String> api = get("/api/v1/datasets/brats-2021");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theApiStaysBearerOnly() throws Exception {
        // a browser session means nothing to the API: without a bearer token a write is refused, never redirected
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                + "/api/v1/datasets")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\": \"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(401);
        // and the API takes no form bodies: only the pages' sign-out does
        assertThat(postForm("/api/v1/datasets", "key=x", null).statusCode()).isEqualTo(415);
        assertThat(write.headers().firstValue("Location")).isEmpty();
        HttpResponse<String> withToken = get("/api/v1/datasets/brats-2021", "Authorization", "Bearer " + Tokens.user("alice"));
        assertThat(withToken.statusCode()).isEqualTo(200);
    }

    @Test
    void signInSendsTheBrowserToKeycloakWithPkce() throws Exception {
        HttpResponse<String> signIn = get("/signin?return=/check");
        assertThat(signIn.statusCode()).isEqualTo(302);
        String location = signIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/realms/onlabel/protocol/openid-connect/auth", "client_id=onlabel-web",
                "response_type=code", "code_challenge=", "code_challenge_method=S256");
    }

    @Test
    void onlyLocalPathsAreReturnTargets() {
        assertThat(SignInPage.localPath("/datasets/brats-2021?depth=2")).isEqualTo("/datasets/brats-2021?depth=2");
        assertThat(SignInPage.localPath("https://evil.example/")).isEqualTo("/");
        assertThat(SignInPage.localPath("//evil.example/")).isEqualTo("/");
        assertThat(SignInPage.localPath(null)).isEqualTo("/");
    }

    @Test
    void signOutWithoutTheFormsTokenIsRefused() throws Exception {
        HttpResponse<String> page = get("/");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(WebCsrf.COOKIE + "="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict");
        String pair = cookie.substring(0, cookie.indexOf(';'));
        // anonymous: refused before anything else
        assertThat(postForm("/signout", "csrf=" + pair.substring(pair.indexOf('=') + 1), pair).statusCode()).isEqualTo(401);
        assertThat(WebCsrf.matches("abc", "abc")).isTrue();
        assertThat(WebCsrf.matches("abc", "abd")).isFalse();
        assertThat(WebCsrf.matches(null, "abc")).isFalse();
        assertThat(WebCsrf.matches("abc", null)).isFalse();
    }

    @Test
    void errorsArePagesWithTheServicesStatus() throws Exception {
        HttpResponse<String> missing = get("/datasets/no-such-dataset");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<h1>404 · Not found</h1>").doesNotContain("Exception");
        HttpResponse<String> badDepth = get("/datasets/brats-2021?depth=0");
        assertThat(badDepth.statusCode()).isEqualTo(422);
        HttpResponse<String> unknownTask = get("/check?task=no-such-task&dataset=brats-2021&role=train");
        assertThat(unknownTask.statusCode()).isEqualTo(200);
        assertThat(unknownTask.body()).contains("The check could not run", "task:");
    }
}
