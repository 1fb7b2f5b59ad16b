package org.onlabel.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operators' CustomResourceDefinitions shipped under src/test/resources/k8s/crds (see the README there), as
 * JSON Schemas that also refuse unknown fields: the API server would silently prune a misspelt field of a
 * structural schema, so an object schema that lists its properties and does not say
 * {@code x-kubernetes-preserve-unknown-fields} gets {@code additionalProperties: false} here.
 */
final class CrdSchemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private final Map<String, JsonSchema> byKindAndVersion = new HashMap<>();

    private CrdSchemas() {
    }

    static CrdSchemas shipped() {
        CrdSchemas schemas = new CrdSchemas();
        try (Stream<Path> files = Files.list(Path.of(CrdSchemas.class.getResource("/k8s/crds").toURI()))) {
            files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .flatMap(f -> Kustomization.readAll(f).stream())
                    .filter(doc -> "CustomResourceDefinition".equals(doc.path("kind").asText()))
                    .forEach(schemas::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return schemas;
    }

    private void add(JsonNode crd) {
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
            // the API server supplies these to every object; some generated CRDs leave them out of the root
            ObjectNode root = schema.with("properties");
            root.putIfAbsent("apiVersion", JsonNodeFactory.instance.objectNode().put("type", "string"));
            root.putIfAbsent("kind", JsonNodeFactory.instance.objectNode().put("type", "string"));
            root.putIfAbsent("metadata", JsonNodeFactory.instance.objectNode().put("type", "object"));
            closeObjects(schema);
            byKindAndVersion.put(key(group + "/" + version.path("name").asText(), kind), FACTORY.getSchema(schema));
        }
    }

    Optional<JsonSchema> schemaFor(String apiVersion, String kind) {
        return Optional.ofNullable(byKindAndVersion.get(key(apiVersion, kind)));
    }

    /** Messages for every way {@code object} breaks its CRD's schema; empty when it conforms. */
    List<String> violations(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        JsonSchema schema = schemaFor(apiVersion, kind)
                .orElseThrow(() -> new IllegalStateException("no CRD shipped for " + apiVersion + " " + kind));
        return schema.validate(object).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    private static void closeObjects(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && object.path("properties").isObject() && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            // int-or-string fields are typed "anything" in OpenAPI terms: drop the type they do not declare
            if (object.path("x-kubernetes-int-or-string").asBoolean(false)) {
                object.remove("type");
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext();) {
                closeObjects(it.next());
            }
        } else if (node.isArray()) {
            node.forEach(CrdSchemas::closeObjects);
        }
    }
}
