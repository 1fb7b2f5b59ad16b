package org.onlabel.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.flipkart.zjsonpatch.JsonPatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a kustomization the way {@code kubectl kustomize} does, for the few features the k8s/ overlays use:
 * {@code resources} (files and directories with their own kustomization), {@code namespace}, {@code images} and
 * {@code patches} holding RFC 6902 JSON patches with a {@code target} kind and name. Anything else in a
 * kustomization fails the build here, so the overlays stay simple enough to be checked on a machine without
 * kubectl.
 */
final class Kustomization {
    static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images",
            "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding");

    private Kustomization() {
    }

    /** Every object the kustomization in {@code dir} produces, in the order of its resources. */
    static List<ObjectNode> build(Path dir) {
        JsonNode k = readOne(dir.resolve("kustomization.yaml"));
        k.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalStateException(dir + "/kustomization.yaml uses '" + field
                        + "', which this assembler does not support; keep overlays to " + SUPPORTED);
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(build(path));
            } else {
                objects.addAll(readAll(path));
            }
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, patch, objects);
        }
        if (k.hasNonNull("namespace")) {
            String namespace = k.get("namespace").asText();
            objects.stream().filter(o -> !CLUSTER_SCOPED.contains(o.path("kind").asText()))
                    .forEach(o -> ((ObjectNode) o.get("metadata")).put("namespace", namespace));
        }
        for (JsonNode image : k.path("images")) {
            objects.forEach(o -> setImages(o, image));
        }
        return objects;
    }

    private static void applyPatch(Path dir, JsonNode patch, List<ObjectNode> objects) {
        JsonNode target = patch.path("target");
        String kind = target.path("kind").asText(null);
        String name = target.path("name").asText(null);
        if (kind == null || name == null || !patch.hasNonNull("path") || patch.size() != 2 || target.size() != 2) {
            throw new IllegalStateException("patches in " + dir + " must be {path, target: {kind, name}}: " + patch);
        }
        JsonNode operations = readOne(dir.resolve(patch.get("path").asText()));
        if (!operations.isArray()) {
            throw new IllegalStateException(patch.get("path") + " must be a JSON 6902 patch (a list of operations)");
        }
        int matched = 0;
        for (int i = 0; i < objects.size(); i++) {
            ObjectNode o = objects.get(i);
            if (kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText())) {
                objects.set(i, (ObjectNode) JsonPatch.apply(operations, o));
                matched++;
            }
        }
        if (matched != 1) {
            throw new IllegalStateException("patch " + patch.get("path") + " matched " + matched + " objects");
        }
    }

    /** kustomize's image transformer: every {@code containers}/{@code initContainers} entry naming the image. */
    private static void setImages(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if ((e.getKey().equals("containers") || e.getKey().equals("initContainers")) && e.getValue().isArray()) {
                    for (JsonNode container : e.getValue()) {
                        retag((ObjectNode) container, image);
                    }
                } else {
                    setImages(e.getValue(), image);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> setImages(child, image));
        }
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String current = container.path("image").asText("");
        String name = current.replaceFirst("@.*$", "").replaceFirst(":[^:/]*$", "");
        if (!name.equals(image.path("name").asText())) {
            return;
        }
        String newName = image.path("newName").asText(name);
        String reference = image.hasNonNull("digest") ? "@" + image.get("digest").asText()
                : image.hasNonNull("newTag") ? ":" + image.get("newTag").asText()
                : current.substring(name.length());
        container.set("image", TextNode.valueOf(newName + reference));
    }

    static JsonNode readOne(Path file) {
        List<JsonNode> all = documents(file);
        if (all.size() != 1) {
            throw new IllegalStateException(file + " must hold exactly one document");
        }
        return all.get(0);
    }

    static List<ObjectNode> readAll(Path file) {
        return documents(file).stream().map(doc -> {
            if (!doc.isObject()) {
                throw new IllegalStateException(file + " holds a document that is not an object");
            }
            return (ObjectNode) doc;
        }).toList();
    }

    private static List<JsonNode> documents(Path file) {
        try {
            return documents(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty document of a YAML stream. */
    static List<JsonNode> documents(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode doc = values.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }
}
