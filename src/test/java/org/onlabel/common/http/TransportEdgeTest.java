package org.onlabel.common.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/** Requests written byte by byte: Host, request targets and framing the HTTP client libraries would not send. */
@QuarkusTest
class TransportEdgeTest {
    @TestHTTPResource("/")
    URL base;

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                    if (complete(answer.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException closed) {
                // whatever arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static boolean complete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        var m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(answer.substring(0, end));
        return m.find() && answer.length() - end - 4 >= Integer.parseInt(m.group(1));
    }

    private static String create(String key) throws Exception {
        var body = Datasets.valid(key);
        body.put("organization", "nyu");
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    }

    private static void assertProblem(String answer, int status) {
        assertThat(answer).as(answer).startsWith("HTTP/1.1 " + status);
        assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
        assertThat(answer).contains("\"status\":" + status);
    }

    @Test
    void http10WithoutHostIsRefusedAndCommitsNothing() throws Exception {
        String key = Datasets.uniqueKey("nohost");
        String body = create(key);
        String answer = exchange("POST /api/v1/datasets HTTP/1.0\r\nAuthorization: Bearer " + Tokens.user("alice")
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body);
        assertThat(answer).as(answer).matches("(?s)HTTP/1\\.[01] 400.*");
        assertThat(answer.toLowerCase()).contains("application/problem+json");
        given().auth().oauth2(Tokens.user("carol")).get(Api.DATASETS + "/" + key).then().statusCode(404);
    }

    @Test
    void aBadOrRepeatedHostIsAProblem() throws Exception {
        assertProblem(exchange("GET /api/v1/datasets HTTP/1.1\r\nHost: evil example\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(exchange("GET /api/v1/datasets HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void theHostHeaderNeverMakesTheLinksTheServiceHandsOut() throws Exception {
        String key = Datasets.uniqueKey("host");
        String body = create(key);
        String answer = exchange("POST /api/v1/datasets HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer "
                + Tokens.user("alice") + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
        assertThat(answer).as(answer).startsWith("HTTP/1.1 201");
        assertThat(answer).doesNotContain("evil.example");
        assertThat(answer).containsPattern("(?i)location: http://[^/]+:" + base.getPort() + "/api/v1/datasets/" + key);
        String prov = exchange("GET /api/v1/datasets/brats-2021/prov HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(prov).startsWith("HTTP/1.1 200").doesNotContain("evil.example");
    }

    @Test
    void dotSegmentsAreNeverNormalisedIntoAnotherEndpoint() throws Exception {
        for (String target : new String[] {"/api/v1/datasets/%2e%2e/%2e%2e/%2e%2e/q/health", "/api/v1/datasets/../../q/health",
            "/api/v1/datasets/%2E%2E/x", "/api/v1/datasets/a%2fb", "/api/v1/./datasets"}) {
            assertProblem(exchange("PUT " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n{}"), 400);
        }
    }

    @Test
    void aMalformedChunkedBodyStoresNothing() throws Exception {
        String key = Datasets.uniqueKey("chunk");
        String body = create(key);
        String answer = exchange("POST /api/v1/datasets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.user("alice") + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\n" + body + "\r\n0\r\n\r\n");
        assertThat(answer).doesNotStartWith("HTTP/1.1 2").doesNotStartWith("HTTP/1.1 5");
        given().auth().oauth2(Tokens.user("carol")).get(Api.DATASETS + "/" + key).then().statusCode(404);
    }
}
