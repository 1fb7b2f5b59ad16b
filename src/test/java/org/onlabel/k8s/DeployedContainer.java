package org.onlabel.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service container as an overlay deploys it: its environment (ConfigMap entries and env; Secret references
 * as empty Optionals) and the paths its probes and the ServiceMonitor call. Lets the multi-instance test run the
 * packaged service with the manifests' own variable names and hit the manifests' own paths.
 */
public record DeployedContainer(Map<String, Optional<String>> environment, List<String> probePaths, String metricsPath,
        Map<String, String> imageVariables) {

    public static DeployedContainer of(String overlay) {
        List<ObjectNode> objects = Kustomization.build(Path.of("k8s/overlays").resolve(overlay));
        JsonNode deployment = find(objects, "Deployment", "onlabel");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        Map<String, Optional<String>> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            find(objects, "ConfigMap", from.at("/configMapRef/name").asText()).path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), Optional.of(e.getValue().asText())));
        }
        for (JsonNode var : container.path("env")) {
            env.put(var.path("name").asText(), var.has("valueFrom") ? Optional.empty() : Optional.of(var.path("value").asText()));
        }
        List<String> probes = List.of("startupProbe", "livenessProbe", "readinessProbe").stream()
                .map(p -> container.path(p).at("/httpGet/path").asText()).toList();
        String metrics = find(objects, "ServiceMonitor", "onlabel").at("/spec/endpoints/0/path").asText();
        return new DeployedContainer(env, probes, metrics, Dockerfile.read().environment());
    }

    private static JsonNode find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())
                && name.equals(o.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + kind + "/" + name));
    }
}
