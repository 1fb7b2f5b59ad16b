package org.onlabel.support.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The committed contract, openapi/openapi.yaml, read as a tree, with its operations found by path and method. */
public final class OpenApiSpec {
    /** One operation of the contract. */
    public record Operation(String path, String method, Pattern pattern, JsonNode node) {
        public String id() {
            return node.path("operationId").asText(method + " " + path);
        }

        public List<JsonNode> parameters() {
            List<JsonNode> out = new ArrayList<>();
            node.path("parameters").forEach(out::add);
            return out;
        }

        public Optional<JsonNode> requestSchema() {
            JsonNode schema = node.path("requestBody").path("content").path("application/json").path("schema");
            return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
        }
    }

    private static OpenApiSpec committed;

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    private OpenApiSpec(JsonNode root) {
        this.root = root;
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (List.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    operations.add(new Operation(path.getKey(), method.getKey().toUpperCase(), template(path.getKey()), method.getValue()));
                }
            }
        }
    }

    public static synchronized OpenApiSpec committed() {
        if (committed == null) {
            try {
                committed = new OpenApiSpec(new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return committed;
    }

    public JsonNode root() {
        return root;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The operation serving this concrete path and method; literal segments win over parameters. */
    public Optional<Operation> find(String method, String path) {
        return operations.stream()
                .filter(o -> o.method().equals(method) && o.pattern().matcher(path).matches())
                .max(java.util.Comparator.comparingInt(o -> o.path().replaceAll("\\{[^}]+}", "").length()));
    }

    /** Follows a local {@code $ref} ({@code #/components/...}) until a node without one. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = root.at(ref.substring(1));
        }
        return current;
    }

    /** A schema document for JSON Schema validation: the schema with the contract's components beside it. */
    public ObjectNode schemaDocument(JsonNode schema) {
        ObjectNode doc = schema.deepCopy();
        doc.set("components", root.path("components"));
        return doc;
    }

    private static Pattern template(String path) {
        return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
    }
}
