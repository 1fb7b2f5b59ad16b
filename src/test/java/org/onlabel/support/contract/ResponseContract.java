package org.onlabel.support.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks one response against the contract: its status is declared for the operation, every ETag and Location it
 * carries is declared, its Content-Type is one the operation declares, and its body matches the declared schema
 * (JSON Schema 2020-12, as OpenAPI 3.1 uses it). Requests to paths or methods the contract does not have are not
 * its business (they are checked to be problems elsewhere).
 */
public final class ResponseContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ResponseContract() {
    }

    /**
     * What is wrong with the response, empty when it keeps the contract. {@code header} gives a response header by
     * name (null when absent).
     */
    public static List<String> violations(String method, String path, int status, Function<String, String> header, String body) {
        OpenApiSpec spec = OpenApiSpec.committed();
        Optional<OpenApiSpec.Operation> found = spec.find(method, path);
        if (found.isEmpty()) {
            return List.of();
        }
        OpenApiSpec.Operation op = found.get();
        String where = method + " " + op.path() + " -> " + status;
        List<String> problems = new ArrayList<>();
        JsonNode responses = op.node().path("responses");
        JsonNode declared = responses.has(String.valueOf(status)) ? responses.get(String.valueOf(status)) : responses.get("default");
        if (declared == null) {
            return List.of(where + ": status not declared (declared: " + iterable(responses.fieldNames()) + ")");
        }
        JsonNode response = spec.resolve(declared);
        for (String name : List.of("ETag", "Location")) {
            if (header.apply(name) != null && !response.path("headers").has(name)) {
                problems.add(where + ": header " + name + " is sent but not declared");
            }
        }
        response.path("headers").fields().forEachRemaining(h -> {
            if (spec.resolve(h.getValue()).path("required").asBoolean(false) && header.apply(h.getKey()) == null) {
                problems.add(where + ": required header " + h.getKey() + " is missing");
            }
        });
        if (body == null || body.isEmpty()) {
            if (response.has("content") && status != 304 && !"HEAD".equals(method)) {
                problems.add(where + ": declared content but the body is empty");
            }
            return problems;
        }
        String contentType = Optional.ofNullable(header.apply("Content-Type")).map(t -> t.split(";")[0].strip()).orElse("");
        JsonNode media = response.path("content").path(contentType);
        if (media.isMissingNode()) {
            problems.add(where + ": Content-Type " + contentType + " not declared (declared: "
                    + iterable(response.path("content").fieldNames()) + ")");
            return problems;
        }
        if (!media.has("schema")) {
            return problems;
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            problems.add(where + ": body is not JSON");
            return problems;
        }
        String key = op.id() + "|" + status + "|" + contentType;
        JsonSchema schema = SCHEMAS.computeIfAbsent(key, k -> FACTORY.getSchema(spec.schemaDocument(media.get("schema"))));
        Set<ValidationMessage> messages = schema.validate(value);
        if (!messages.isEmpty()) {
            problems.add(where + ": body does not match the schema: " + messages.stream().map(ValidationMessage::getMessage)
                    .sorted().limit(10).collect(Collectors.joining("; ")));
        }
        return problems;
    }

    private static String iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return String.join(", ", out);
    }
}
