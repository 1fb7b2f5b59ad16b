package org.onlabel.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.onlabel.support.contract.OpenApiSpec;

/**
 * Seeded generation of malformed requests for one operation of the contract: a plausible request built from the
 * operation's parameters and body schema, with one thing broken (a path or query value, a header, the body's
 * bytes, types, text or structure). The same seed gives the same requests.
 */
final class RequestFuzzer {
    /** A request to send: method, raw path and query (already %-encoded), headers and body bytes (or null). */
    record FuzzRequest(String method, String target, Map<String, String> headers, byte[] body, String mutation) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] NASTY_TEXT = {
        "\u0000", "a\u0000b", "\u001b[31mred\u001b[0m", "line\r\nbreak", "\t", "\ud800", "x\udc00y", "\u202eevil",
        "' OR '1'='1", "'; DROP TABLE dataset; --", "<script>alert(1)</script>", "${jndi:ldap://x}", "%00", "..",
        "../../etc/passwd", "\\", "\u0085", "\u2028", "x".repeat(5000), "\uFEFF", "🙂", "null", ""};
    private static final String[] NASTY_QUERY = {
        "abc", "1.5", "-1", "0", "١٢", "１２", "99999999999999999999", "", " ", "1e3", "0x10", "+5", "%00",
        "%ff%fe", "%ED%A0%80", "%1B%5B31m", "%0D%0A", "' OR 1=1--", "a".repeat(3000)};

    private final OpenApiSpec spec;
    private final Random random;
    private final Map<String, String> pathValues;

    /** {@code pathValues} replaces the contract's examples for path parameters, so that no shared data is touched. */
    RequestFuzzer(OpenApiSpec spec, long seed, Map<String, String> pathValues) {
        this.spec = spec;
        this.random = new Random(seed);
        this.pathValues = pathValues;
    }

    FuzzRequest next(OpenApiSpec.Operation op) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode p : op.parameters()) {
            String name = p.path("name").asText();
            String example = p.has("example") ? p.get("example").asText() : sampleScalar(spec.resolve(p.path("schema"))).asText();
            switch (p.path("in").asText()) {
                case "path" -> path.put(name, encode(pathValues.getOrDefault(name, example)));
                case "query" -> {
                    if (p.path("required").asBoolean() || random.nextBoolean()) {
                        query.put(name, encode(example));
                    }
                }
                case "header" -> {
                    if (p.path("required").asBoolean()) {
                        headers.put(name, example);
                    }
                }
                default -> {
                }
            }
        }
        byte[] body = null;
        if (op.requestSchema().isPresent()) {
            headers.put("Content-Type", "application/json");
            body = bytes(sample(spec.resolve(op.requestSchema().get()), 0));
        }
        String mutation;
        int kind = random.nextInt(op.requestSchema().isPresent() ? 10 : 4);
        switch (kind) {
            case 0 -> mutation = mutatePath(op, path);
            case 1 -> mutation = mutateQuery(op, query);
            case 2 -> mutation = mutateHeaders(headers, body != null);
            case 3 -> mutation = "none";
            default -> {
                String[] out = new String[1];
                body = mutateBody(op, body, headers, out);
                mutation = out[0];
            }
        }
        String target = op.path();
        for (Map.Entry<String, String> e : path.entrySet()) {
            target = target.replace("{" + e.getKey() + "}", e.getValue());
        }
        if (!query.isEmpty()) {
            StringBuilder q = new StringBuilder();
            query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(v));
            target += q;
        }
        return new FuzzRequest(op.method(), target, headers, body, mutation);
    }

    private String mutatePath(OpenApiSpec.Operation op, Map<String, String> path) {
        if (path.isEmpty()) {
            return "none";
        }
        String name = path.keySet().iterator().next();
        String[] raw = {"%00", "%2e%2e", "%2e%2e%2f%2e%2e%2fq%2fhealth", "%2F", "a%00b", "%1b%5b31m", "%ED%A0%80",
            "%ff", "x".repeat(3000), "%0d%0a", "%20", "CON", "%C0%AE%C0%AE", "brats-2021%3B", "~"};
        String value = raw[random.nextInt(raw.length)];
        path.put(name, value);
        return "path " + name + "=" + abbreviate(value);
    }

    private String mutateQuery(OpenApiSpec.Operation op, Map<String, String> query) {
        List<String> names = new ArrayList<>();
        op.parameters().stream().filter(p -> p.path("in").asText().equals("query")).forEach(p -> names.add(p.path("name").asText()));
        names.add("cursor");
        String name = names.get(random.nextInt(names.size()));
        String value = NASTY_QUERY[random.nextInt(NASTY_QUERY.length)];
        if (name.equals("cursor") && random.nextBoolean()) {
            value = encode(java.util.Base64.getUrlEncoder().encodeToString(("v1:" + NASTY_TEXT[random.nextInt(NASTY_TEXT.length)])
                    .getBytes(StandardCharsets.UTF_8)));
        }
        query.put(name, value.startsWith("%") || value.isEmpty() ? value : encode(value));
        return "query " + name + "=" + abbreviate(value);
    }

    private String mutateHeaders(Map<String, String> headers, boolean hasBody) {
        String[][] choices = {
            {"If-Match", "W/\"0\""}, {"If-Match", "garbage"}, {"If-Match", "\"999999\""}, {"If-None-Match", "*"},
            {"Idempotency-Key", " "}, {"Idempotency-Key", "k".repeat(400)}, {"Authorization", "Bearer not-a-token"},
            {"Authorization", "Basic YTpi"}, {"Accept-Language", "\u00ff"}, {"X-Forwarded-Host", "evil.example"},
            {"Content-Type", "text/plain"}, {"Content-Type", "*/*"}, {"Content-Type", "application/json; charset=utf-16"},
            {"Content-Type", "application/xml"}, {"Content-Type", "application/json;;;"}, {"Content-Encoding", "gzip"},
            {"Content-Encoding", "br"}, {"Content-Type", ""}};
        String[] choice = choices[random.nextInt(choices.length)];
        if (choice[0].equals("Content-Type") && choice[1].isEmpty()) {
            headers.remove("Content-Type");
            return "header Content-Type removed";
        }
        headers.put(choice[0], choice[1]);
        return "header " + choice[0] + ": " + abbreviate(choice[1]);
    }

    private byte[] mutateBody(OpenApiSpec.Operation op, byte[] body, Map<String, String> headers, String[] mutation) {
        String text = new String(body, StandardCharsets.UTF_8);
        int kind = random.nextInt(16);
        switch (kind) {
            case 0 -> {
                mutation[0] = "body: trailing content";
                return bytes(text + " {\"x\": 1}");
            }
            case 1 -> {
                mutation[0] = "body: duplicate member";
                return text.startsWith("{") && text.length() > 2
                        ? bytes("{\"dup\": 1, \"dup\": 2, " + text.substring(1)) : bytes("{\"a\":1,\"a\":2}");
            }
            case 2 -> {
                mutation[0] = "body: nested 200 deep";
                return bytes("[".repeat(200) + "]".repeat(200));
            }
            case 3 -> {
                mutation[0] = "body: invalid UTF-8";
                byte[] broken = java.util.Arrays.copyOf(body, body.length + 3);
                broken[body.length] = (byte) 0xC3;
                broken[body.length + 1] = (byte) 0x28;
                broken[body.length + 2] = (byte) 0xFF;
                return broken;
            }
            case 4 -> {
                mutation[0] = "body: not JSON";
                return bytes(random.nextBoolean() ? "{\"title\": " : "not json at all");
            }
            case 5 -> {
                mutation[0] = "body: empty";
                return new byte[0];
            }
            case 6 -> {
                String[] roots = {"[]", "null", "42", "\"text\"", "true", "[{}]"};
                String root = roots[random.nextInt(roots.length)];
                mutation[0] = "body: root " + root;
                return bytes(root);
            }
            case 7 -> {
                mutation[0] = "body: UTF-16";
                headers.put("Content-Type", "application/json");
                return text.getBytes(StandardCharsets.UTF_16);
            }
            case 8 -> {
                mutation[0] = "body: byte order mark";
                return bytes("\uFEFF" + text);
            }
            default -> {
                JsonNode tree = parse(body);
                if (!(tree instanceof ObjectNode object)) {
                    mutation[0] = "body: unchanged";
                    return body;
                }
                List<ObjectNode> containers = new ArrayList<>();
                collectObjects(object, containers);
                ObjectNode target = containers.get(random.nextInt(containers.size()));
                List<String> fields = new ArrayList<>();
                target.fieldNames().forEachRemaining(fields::add);
                String field = fields.isEmpty() || random.nextInt(6) == 0 ? "unknownField" : fields.get(random.nextInt(fields.size()));
                JsonNode value = wrongValue();
                target.set(field, value);
                mutation[0] = "body: " + field + " = " + abbreviate(value.toString());
                return bytes(tree);
            }
        }
    }

    private JsonNode wrongValue() {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.numberNode(1.5);
            case 1 -> NODES.numberNode(7);
            case 2 -> NODES.booleanNode(true);
            case 3 -> NODES.arrayNode().add("x");
            case 4 -> NODES.objectNode().put("x", 1);
            case 5 -> NODES.nullNode();
            case 6 -> NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            default -> NODES.textNode(NASTY_TEXT[random.nextInt(NASTY_TEXT.length)]);
        };
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
        }
        node.elements().forEachRemaining(child -> collectObjects(child, out));
    }

    /** A plausible value for a schema: required properties and some optional ones, examples where given. */
    private JsonNode sample(JsonNode schema, int depth) {
        schema = spec.resolve(schema);
        if (schema.has("examples") && schema.get("examples").size() > 0 && random.nextInt(3) > 0) {
            return schema.get("examples").get(0);
        }
        String type = type(schema);
        if (depth > 4) {
            return NODES.nullNode();
        }
        switch (type) {
            case "object" -> {
                ObjectNode out = NODES.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
                while (props.hasNext()) {
                    Map.Entry<String, JsonNode> p = props.next();
                    if (required.contains(p.getKey()) || random.nextInt(3) == 0) {
                        out.set(p.getKey(), sample(p.getValue(), depth + 1));
                    }
                }
                return out;
            }
            case "array" -> {
                ArrayNode out = NODES.arrayNode();
                out.add(sample(schema.path("items"), depth + 1));
                return out;
            }
            default -> {
                return sampleScalar(schema);
            }
        }
    }

    private JsonNode sampleScalar(JsonNode schema) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        return switch (type(schema)) {
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(false);
            case "object" -> NODES.objectNode();
            default -> NODES.textNode("fuzz-" + Integer.toHexString(random.nextInt()));
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return NODES.nullNode();
        }
    }

    private static byte[] bytes(Object value) {
        try {
            return value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        String printable = s.codePoints().mapToObj(c -> c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))).reduce("", String::concat);
        return printable.length() > 40 ? printable.substring(0, 40) + "…(" + s.length() + ")" : printable;
    }
}
