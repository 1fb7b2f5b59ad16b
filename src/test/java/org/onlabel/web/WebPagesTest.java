package org.onlabel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/**
 * The pages over plain HTTP: their security headers (and the API's unchanged ones), the CSRF guard of sign-out,
 * sign-in redirecting to Keycloak with PKCE, errors as HTML pages, and the publication and screening pages showing
 * only what the API would show the same caller.
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

    @Test
    void theSearchFiltersByFitnessAndShowsEachResultsVerdictBadge() throws Exception {
        HttpResponse<String> page = get("/?fitFor=segmentation&q=brats");
        assertThat(page.statusCode()).isEqualTo(200);
        assertPageHeaders(page);
        assertThat(page.body()).contains("<label for=\"fitFor\">Fit for</label>",
                "<option value=\"segmentation\" selected>", "Verdict for segmentation");
        List<String> listed = io.restassured.RestAssured.given().queryParam("fitFor", "segmentation")
                .queryParam("q", "brats").queryParam("limit", 20).get(Api.DATASETS).then().statusCode(200)
                .extract().jsonPath().getList("items.key");
        List<String> verdicts = io.restassured.RestAssured.given().queryParam("fitFor", "segmentation")
                .queryParam("q", "brats").queryParam("limit", 20).get(Api.DATASETS).then().extract().jsonPath()
                .getList("items.verdict");
        assertThat(listed).isNotEmpty();
        for (int i = 0; i < listed.size(); i++) {
            assertThat(page.body()).contains("data-key=\"" + listed.get(i) + "\"");
            assertThat(page.body()).contains(">" + verdicts.get(i) + "</span>");
        }
        assertThat(page.body()).contains("class=\"verdict verdict-");
        HttpResponse<String> unfiltered = get("/?q=brats");
        assertThat(unfiltered.body()).doesNotContain("Verdict for");
    }

    private static String dataset(String visibility, String title) {
        String key = Datasets.uniqueKey("web-pub");
        Map<String, Object> body = Datasets.valid(key);
        body.put("title", title);
        body.put("organization", "nyu");
        body.put("visibility", visibility);
        Api.create(Tokens.user("alice"), body).then().statusCode(201);
        return key;
    }

    private static void assertPageHeaders(HttpResponse<String> page) {
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v)
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void aPublicationPageShowsItsVisibleDatasetsAndHidesAnEmbargoedOne() throws Exception {
        String open = dataset("public", "Open knee scans");
        String secret = dataset("embargoed", "Secret knee scans");
        String doi = "10.5555/web-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as(Tokens.user("alice")).urlEncodingEnabled(false).body(Map.of("title", "Two knee datasets", "journal", "Scientific Data",
                "year", 2024, "type", "data-resource", "authors", List.of("Doe, Jane"),
                "datasets", List.of(Map.of("key", open, "relation", "IsDescribedBy"), Map.of("key", secret, "relation", "IsDescribedBy"))))
                .put("/api/v1/publications/" + doi.replace("/", "%2F")).then().statusCode(201);

        for (String path : List.of("/publications/" + doi, "/publications/" + doi.replace("/", "%2F"))) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
            assertPageHeaders(page);
            assertThat(page.body()).contains("Two knee datasets", "Scientific Data", "2024", "Doe, Jane",
                    "href=\"https://doi.org/" + doi + "\"", "href=\"/datasets/" + open + "\"", "IsDescribedBy")
                    .contains("class=\"verdict verdict-").doesNotContain(secret).doesNotContain("Secret knee scans");
        }

        HttpResponse<String> datasetPage = get("/datasets/" + open);
        assertThat(datasetPage.body()).contains("id=\"h-publications\"", "href=\"/publications/" + doi + "\"",
                "href=\"https://doi.org/" + doi + "\"");

        HttpResponse<String> unknown = get("/publications/10.5555/no-such-paper-" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<h1>404 · Not found</h1>");
        assertThat(get("/publications/not-a-doi").statusCode()).isEqualTo(422);
    }

    @Test
    void aScreeningReportPageOpensWithItsShareTokenWhichNoLinkCarriesAndIsHiddenWithoutIt() throws Exception {
        Map<String, Object> body = Map.of("manuscript", Map.of("submissionId", "WEB-26-0001"),
                "uses", List.of(Map.of("task", "mri-reconstruction", "purpose", Map.of("commercial", false),
                        "datasets", List.of(Map.of("key", "brats-2021", "role", "train")))));
        var created = Api.as(Tokens.journal()).body(body).post("/api/v1/screenings").then().statusCode(201).extract();
        String id = created.path("id");
        String shareUrl = created.path("shareUrl");
        String token = shareUrl.substring(shareUrl.indexOf("access=") + "access=".length());

        HttpResponse<String> page = get("/screenings/" + id + "?access=" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertPageHeaders(page);
        assertThat(page.body()).contains("WEB-26-0001", "OFF_LABEL", "mri-reconstruction", "service-account-onlabel-journal",
                "href=\"/datasets/brats-2021\"", "data-severity=\"violation\"", "introduced by")
                .contains(created.<String>path("rulesetVersion"))
                .doesNotContain(token).doesNotContain(URLEncoder.encode(token, StandardCharsets.UTF_8));

        assertThat(get("/screenings/" + id).statusCode()).isEqualTo(404);
        assertThat(get("/screenings/" + id + "?access=a-guessed-token").statusCode()).isEqualTo(404);
    }
}
