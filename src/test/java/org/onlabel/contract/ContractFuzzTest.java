package org.onlabel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Tokens;
import org.onlabel.support.contract.OpenApiSpec;
import org.onlabel.support.contract.ResponseContract;

/**
 * A bounded fuzzer over every operation of openapi/openapi.yaml, anonymous and with tokens: malformed requests
 * ({@link RequestFuzzer}, fixed seed) must never get a 5xx; every 4xx must be a problem that names its status and
 * gives away no internals; every answer must keep the contract; and a request that fails must leave every table
 * exactly as it was. Counts per operation go to target/fuzz-report.txt.
 */
@QuarkusTest
class ContractFuzzTest {
    private static final long SEED = 20261201L;
    private static final int CASES_PER_OPERATION_AND_CALLER = 30;
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)(exception|\\bat (org|java|io|com)\\.|org\\.(hibernate|postgresql|jboss|onlabel)|java\\.(lang|util|sql)|"
                    + "sqlstate|syntax error at|stack ?trace|caused by|jackson|vertx|resteasy)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Counts(int[] byClass) {
        Counts() {
            this(new int[6]);
        }
    }

    @Test
    void malformedRequestsGetProblemsAndChangeNothing() throws Exception {
        OpenApiSpec spec = OpenApiSpec.committed();
        CatalogSnapshot snapshot = new CatalogSnapshot(dataSource);
        Map<String, String> callers = new java.util.LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("alice (curator)", Tokens.user("alice"));
        callers.put("carol (admin)", Tokens.user("carol"));
        Map<String, Counts> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        // the fuzzer's own dataset and license, so that a request that happens to be valid changes no shared data
        String key = "fuzz-target-" + SEED;
        Map<String, Object> target = org.onlabel.support.Datasets.valid(key);
        target.put("organization", "nyu");
        org.onlabel.support.Api.create(Tokens.user("carol"), target).then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
        RequestFuzzer fuzzer = new RequestFuzzer(spec, SEED,
                Map.of("key", key, "id", "LicenseRef-" + key, "doi", "10.5555/" + key));
        int sent = 0;
        String before = snapshot.take();
        // a valid DELETE removes the fuzzer's dataset (410 from then on), so removal is fuzzed after everything else
        List<OpenApiSpec.Operation> operations = new ArrayList<>(spec.operations());
        operations.sort(java.util.Comparator.comparing(op -> "DELETE".equalsIgnoreCase(op.method())));
        for (OpenApiSpec.Operation op : operations) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                for (int i = 0; i < CASES_PER_OPERATION_AND_CALLER; i++) {
                    RequestFuzzer.FuzzRequest request = fuzzer.next(op);
                    HttpResponse<String> response = send(request, caller.getValue());
                    sent++;
                    int status = response.statusCode();
                    counts.computeIfAbsent(op.id(), k -> new Counts()).byClass()[Math.min(status / 100, 5)]++;
                    String where = caller.getKey() + " " + request.method() + " " + abbreviate(request.target())
                            + " [" + request.mutation() + "] -> " + status;
                    String after = snapshot.take();
                    failures.addAll(check(request, response, where, before, after));
                    before = after;
                }
            }
        }
        writeReport(counts, sent);
        Files.write(Path.of("target/fuzz-failures.txt"), failures);
        assertThat(counts.keySet()).as("every operation of the contract was fuzzed")
                .containsAll(spec.operations().stream().map(OpenApiSpec.Operation::id).toList());
        assertThat(failures).as("fuzzing " + sent + " requests").isEmpty();
    }

    private List<String> check(RequestFuzzer.FuzzRequest request, HttpResponse<String> response, String where,
            String before, String after) {
        List<String> failures = new ArrayList<>();
        int status = response.statusCode();
        String body = response.body();
        if (overHttpLayerLimits(request) && (status == 414 || status == 431)) {
            // the HTTP decoder answers these itself, before any application code (README, "the strict edge")
            if (!body.isEmpty() || !before.equals(after)) {
                failures.add(where + ": an over-long request line got a body or changed the stored data");
            }
            return failures;
        }
        if (status >= 500) {
            failures.add(where + ": server error " + abbreviate(body));
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(where + ": not a problem (" + type + ") " + abbreviate(body));
            } else {
                try {
                    JsonNode problem = JSON.readTree(body);
                    if (problem.path("status").asInt() != status || !problem.path("type").asText().startsWith("urn:onlabel:problem:")) {
                        failures.add(where + ": problem does not name its status and type: " + abbreviate(body));
                    }
                } catch (IOException e) {
                    failures.add(where + ": problem body is not JSON");
                }
            }
            if (INTERNALS.matcher(body).find()) {
                failures.add(where + ": internals in the body: " + abbreviate(body));
            }
            if (!before.equals(after)) {
                failures.add(where + ": a failed request changed the stored data");
            }
        }
        String path = URI.create(base.toString()).resolve(request.target()).getPath();
        ResponseContract.violations(request.method(), path, status,
                name -> response.headers().firstValue(name).orElse(null), body)
                .forEach(v -> failures.add(where + ": " + v));
        return failures;
    }

    /** Vert.x's default limit on the request line (quarkus.http.limits.max-initial-line-length). */
    private static final int MAX_REQUEST_LINE = 4096;

    private static boolean overHttpLayerLimits(RequestFuzzer.FuzzRequest request) {
        return request.method().length() + 1 + request.target().length() + " HTTP/1.1".length() > MAX_REQUEST_LINE;
    }

    private HttpResponse<String> send(RequestFuzzer.FuzzRequest request, String token) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + request.target()))
                .timeout(Duration.ofSeconds(30));
        request.headers().forEach(builder::header);
        if (token != null && !request.headers().containsKey("Authorization")) {
            builder.header("Authorization", "Bearer " + token);
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void writeReport(Map<String, Counts> counts, int sent) throws IOException {
        StringBuilder report = new StringBuilder("operation                   2xx  3xx  4xx  5xx\n");
        counts.forEach((op, c) -> report.append(String.format("%-26s %4d %4d %4d %4d%n", op, c.byClass()[2], c.byClass()[3],
                c.byClass()[4], c.byClass()[5])));
        report.append("total requests: ").append(sent).append('\n');
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fuzz-report.txt"), report);
        System.out.println(report);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
