package org.onlabel.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds every overlay of k8s/ (in Java, and with {@code kubectl kustomize} where kubectl is installed, which
 * must agree), parses every object into the fabric8 model or checks it against its operator's CRD with unknown
 * fields refused, and cross-checks the manifests against the application: ports, probe and metrics paths,
 * environment variables, versions, and the names by which the pieces find each other.
 */
class KubernetesManifestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CrdSchemas CRDS = CrdSchemas.shipped();
    private static final ApplicationFacts APP = new ApplicationFacts();
    private static final Path K8S = Path.of("k8s");

    /** One built overlay: its objects by "Kind/name". */
    record Overlay(String name, Map<String, ObjectNode> objects) {
        ObjectNode get(String kind, String objectName) {
            ObjectNode o = objects.get(kind + "/" + objectName);
            assertThat(o).as("%s has %s/%s", name, kind, objectName).isNotNull();
            return o;
        }

        <T extends HasMetadata> T typed(String kind, String objectName, Class<T> type) {
            return type.cast(StrictModel.parse(get(kind, objectName).toString()));
        }

        List<ObjectNode> ofKind(String kind) {
            return objects.values().stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        }
    }

    static Overlay build(String overlay) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        for (ObjectNode o : Kustomization.build(K8S.resolve("overlays").resolve(overlay))) {
            String id = o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
            assertThat(byName.put(id, o)).as("%s is defined once in %s", id, overlay).isNull();
        }
        return new Overlay(overlay, byName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kubectlKustomizeBuildsTheSameObjectsWhereKubectlIsInstalled(String overlay) throws Exception {
        Path kubectl = findOnPath("kubectl");
        Map<String, ObjectNode> ours = build(overlay).objects();
        assertThat(ours).isNotEmpty();
        if (kubectl == null) {
            // nothing to compare with on this machine; the Java build above is the check
            return;
        }
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", K8S.resolve("overlays").resolve(overlay).toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Map<String, JsonNode> theirs = new TreeMap<>();
        for (JsonNode o : Kustomization.documents(out)) {
            theirs.put(o.path("kind").asText() + "/" + o.path("metadata").path("name").asText(), o);
        }
        assertThat(theirs.keySet()).containsExactlyInAnyOrderElementsOf(ours.keySet());
        for (var e : ours.entrySet()) {
            assertThat(theirs.get(e.getKey())).as("%s as kubectl kustomize builds it", e.getKey()).isEqualTo(e.getValue());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsValidForItsKindWithNoUnknownField(String overlay) {
        Overlay built = build(overlay);
        Set<String> kinds = new TreeSet<>();
        for (ObjectNode o : built.objects().values()) {
            String id = o.path("kind").asText() + "/" + o.path("metadata").path("name").asText();
            kinds.add(o.path("kind").asText());
            HasMetadata model = StrictModel.parse(o.toString());
            if (model instanceof GenericKubernetesResource) {
                assertThat(CRDS.schemaFor(o.path("apiVersion").asText(), o.path("kind").asText()))
                        .as("%s is neither a built-in kind nor one of the shipped CRDs", id).isPresent();
                assertThat(CRDS.violations(o)).as("%s against its CRD", id).isEmpty();
            } else {
                assertThat(StrictModel.unknownFields(model)).as("fields of %s the Kubernetes model does not know", id)
                        .isEmpty();
            }
            assertThat(o.path("metadata").path("namespace").asText()).as("%s namespace", id)
                    .isEqualTo(overlay.equals("prod") ? "onlabel" : "onlabel-dev");
            assertThat(o.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText()).as(id)
                    .isEqualTo("onlabel");
        }
        assertThat(kinds).contains("Deployment", "Service", "ConfigMap", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", "Ingress", "Cluster", "Keycloak",
                "KeycloakRealmImport");
        assertThat(kinds).as("secret values never live in the repository").doesNotContain("Secret");
    }

    @Test
    void theStrictChecksCatchAMisspeltFieldAndAWrongType() {
        ObjectNode deployment = build("prod").get("Deployment", "onlabel").deepCopy();
        ((ObjectNode) deployment.get("spec")).put("replica", 3);
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).put("imagePullPolicy", 7).put("imagePulPolicy", "x");
        assertThat(StrictModel.unknownFields(StrictModel.parse(deployment.toString())))
                .contains(".spec.replica", ".spec.template.spec.containers[0].imagePulPolicy");
        ObjectNode cluster = build("prod").get("Cluster", "onlabel-db").deepCopy();
        ((ObjectNode) cluster.get("spec")).put("instance", 3);
        ((ObjectNode) cluster.get("spec")).put("instances", "three");
        assertThat(CRDS.violations(cluster)).hasSizeGreaterThanOrEqualTo(2);
        ObjectNode keycloak = build("prod").get("Keycloak", "onlabel-keycloak").deepCopy();
        ((ObjectNode) keycloak.at("/spec/http")).put("httpEnabeld", true);
        assertThat(CRDS.violations(keycloak)).isNotEmpty();
    }

    @Test
    void theRealmImportIsGeneratedFromTheRealmFileTheLocalRunUses() throws IOException {
        Path generated = Path.of("target/k8s-generated");
        List<String> stale = new ArrayList<>();
        compareGenerated(RealmImports.base(), RealmImports.BASE_FILE, generated, stale,
                "# Generated from keycloak/onlabel-realm.json by KubernetesManifestsTest (RealmImports): the realm\n"
                        + "# without its demo people, client secrets from the Secret " + RealmImports.CLIENT_SECRETS
                        + ". Do not edit by hand.\n");
        compareGenerated(RealmImports.devPatch(), RealmImports.DEV_PATCH_FILE, generated, stale,
                "# Generated from keycloak/onlabel-realm.json by KubernetesManifestsTest (RealmImports): turns the base\n"
                        + "# realm import into exactly that realm file, demo users and published secrets included.\n");
        if (!stale.isEmpty()) {
            fail("Out of date with keycloak/onlabel-realm.json; regenerated into target/k8s-generated: "
                    + String.join("; ", stale));
        }
    }

    private static void compareGenerated(JsonNode expected, Path committed, Path dir, List<String> stale, String header)
            throws IOException {
        JsonNode actual = Files.exists(committed) ? Kustomization.readOne(committed) : null;
        if (!expected.equals(actual)) {
            Files.createDirectories(dir);
            Path out = dir.resolve(committed.getFileName());
            Files.writeString(out, header + Kustomization.YAML.writeValueAsString(expected));
            stale.add("cp " + out + " " + committed);
        }
    }

    @Test
    void devImportsExactlyTheRealmFileAndProdImportsNoDemoIdentityNorSecret() {
        JsonNode realm = RealmImports.realmFile();
        JsonNode dev = build("dev").get("KeycloakRealmImport", "onlabel-realm");
        assertThat(dev.at("/spec/realm")).isEqualTo(realm);

        JsonNode prod = build("prod").get("KeycloakRealmImport", "onlabel-realm");
        JsonNode prodRealm = prod.at("/spec/realm");
        assertThat(prodRealm.path("realm").asText()).isEqualTo(realm.path("realm").asText());
        assertThat(prodRealm.path("sslRequired").asText()).isEqualTo("external");
        for (JsonNode user : prodRealm.path("users")) {
            assertThat(user.hasNonNull("serviceAccountClientId")).as("only service accounts: %s", user.path("username")).isTrue();
            assertThat(user.has("credentials")).isFalse();
        }
        assertThat(prodRealm.path("roles")).isEqualTo(realm.path("roles"));
        assertThat(prodRealm.path("groups")).isEqualTo(realm.path("groups"));
        for (JsonNode client : prodRealm.path("clients")) {
            if (client.has("secret")) {
                String placeholder = RealmImports.placeholder(client.path("clientId").asText());
                assertThat(client.path("secret").asText()).isEqualTo("${" + placeholder + "}");
                assertThat(prod.at("/spec/placeholders/" + placeholder + "/secret/name").asText())
                        .isEqualTo(RealmImports.CLIENT_SECRETS);
            }
        }
        assertThat(prod.toString()).doesNotContain("pipeline-secret", "journal-secret", "\"alice\"");
        assertThat(prod.at("/spec/keycloakCRName").asText()).isEqualTo(keycloakName(build("prod")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDeploymentIsHardenedProbedAndSizedToFit(String overlay) {
        Overlay built = build(overlay);
        Deployment deployment = built.typed("Deployment", "onlabel", Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container c = onlyContainer(pod);

        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).as("the image's user (Dockerfile.jvm USER)")
                .isEqualTo(Long.parseLong(Dockerfile.read().user()));
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        String tmpVolume = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow().getName();
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo(tmpVolume);
            assertThat(v.getEmptyDir()).isNotNull();
        });
        assertThat(pod.getTopologySpreadConstraints()).extracting(t -> t.getTopologyKey())
                .contains("kubernetes.io/hostname");
        pod.getTopologySpreadConstraints().forEach(t -> assertThat(t.getLabelSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels()));

        assertThat(c.getPorts()).hasSize(1);
        assertThat(c.getPorts().get(0).getContainerPort()).as("quarkus.http.port").isEqualTo(APP.httpPort());
        assertThat(Dockerfile.read().exposedPorts()).contains(String.valueOf(APP.httpPort()));
        String portName = c.getPorts().get(0).getName();
        assertProbe(c.getStartupProbe(), "/q/health/started", portName);
        assertProbe(c.getLivenessProbe(), "/q/health/live", portName);
        assertProbe(c.getReadinessProbe(), "/q/health/ready", portName);

        Quantity memoryLimit = c.getResources().getLimits().get("memory");
        assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
        long limitBytes = Quantity.getAmountInBytes(memoryLimit).longValueExact();
        long requestBytes = Quantity.getAmountInBytes(c.getResources().getRequests().get("memory")).longValueExact();
        assertThat(requestBytes).isLessThanOrEqualTo(limitBytes);
        Matcher ratio = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(env(c, "JAVA_OPTS_APPEND"));
        assertThat(ratio.find()).as("the heap is sized from the memory limit").isTrue();
        long heap = limitBytes * Long.parseLong(ratio.group(1)) / 100;
        assertThat(limitBytes - heap).as("memory left outside the heap").isGreaterThanOrEqualTo(256L << 20);

        long grace = pod.getTerminationGracePeriodSeconds();
        long preStop = c.getLifecycle().getPreStop().getSleep().getSeconds();
        assertThat(grace).as("grace period covers preStop and quarkus.shutdown.timeout")
                .isGreaterThan(preStop + APP.shutdownTimeoutSeconds());

        String image = c.getImage();
        assertThat(image).as("the image is the project's version").endsWith(":" + APP.projectVersion())
                .doesNotContain(":latest");

        HorizontalPodAutoscaler hpa = built.typed("HorizontalPodAutoscaler", "onlabel", HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("onlabel");
        assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(deployment.getSpec().getReplicas());
        if (overlay.equals("prod")) {
            assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        }
        PodDisruptionBudget pdb = built.typed("PodDisruptionBudget", "onlabel", PodDisruptionBudget.class);
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    }

    private static void assertProbe(Probe probe, String path, String portName) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo(portName);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyEnvironmentVariableIsAPropertyTheApplicationDeclaresOrTheImageReads(String overlay) {
        Overlay built = build(overlay);
        Container c = onlyContainer(built.typed("Deployment", "onlabel", Deployment.class).getSpec().getTemplate().getSpec());
        Map<String, String> env = environment(built, c);
        Set<String> known = APP.propertyNames().stream().map(ApplicationFacts::envName).collect(Collectors.toSet());
        Set<String> imageVariables = Dockerfile.read().environment().keySet();
        assertThat(env.keySet()).allSatisfy(name -> assertThat(known.contains(name) || imageVariables.contains(name))
                .as("%s is a property the application declares (or a variable of Dockerfile.jvm)", name).isTrue());
        assertThat(APP.undocumentedExtras()).isEmpty();
        assertThat(env).containsKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_AUTH_SERVER_URL", "ONLABEL_API_CURSOR_KEY",
                "ONLABEL_PUBLIC_URL");
        for (EnvVar var : c.getEnv()) {
            if (var.getValueFrom() != null) {
                assertThat(var.getValueFrom().getSecretKeyRef()).as(var.getName()).isNotNull();
                assertThat(var.getValueFrom().getSecretKeyRef().getOptional()).as("%s must not start without it", var.getName())
                        .isNotEqualTo(Boolean.TRUE);
            }
        }
        assertThat(c.getEnv().stream().filter(v -> v.getName().contains("PASSWORD") || v.getName().contains("KEY")))
                .allSatisfy(v -> assertThat(v.getValue()).as("%s only from a Secret", v.getName()).isNull());
        // the ingress terminates TLS: links must be built from the public https URL
        assertThat(URI.create(env.get("ONLABEL_PUBLIC_URL")).getHost())
                .isEqualTo(built.typed("Ingress", "onlabel", Ingress.class).getSpec().getRules().get(0).getHost());
        assertThat(env.get("ONLABEL_PUBLIC_URL")).startsWith("https://");
        assertThat(env.get("ONLABEL_REFERENCE_CATALOG_ENABLED")).isEqualTo(overlay.equals("dev") ? "true" : "false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void thePiecesFindEachOtherByTheNamesTheyReallyHave(String overlay) {
        Overlay built = build(overlay);
        Deployment deployment = built.typed("Deployment", "onlabel", Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container c = onlyContainer(deployment.getSpec().getTemplate().getSpec());
        Map<String, String> env = environment(built, c);

        Service service = built.typed("Service", "onlabel", Service.class);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        ServicePort servicePort = service.getSpec().getPorts().get(0);
        assertThat(servicePort.getTargetPort().getStrVal()).isEqualTo(c.getPorts().get(0).getName());

        JsonNode monitor = built.get("ServiceMonitor", "onlabel");
        monitor.at("/spec/selector/matchLabels").fields().forEachRemaining(e ->
                assertThat(service.getMetadata().getLabels()).containsEntry(e.getKey(), e.getValue().asText()));
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo(servicePort.getName());
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).as("Micrometer's Prometheus endpoint").isEqualTo("/q/metrics");

        for (ObjectNode o : built.ofKind("Ingress")) {
            Ingress ingress = (Ingress) StrictModel.parse(o.toString());
            Set<String> tlsHosts = ingress.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream())
                    .collect(Collectors.toSet());
            for (IngressRule rule : ingress.getSpec().getRules()) {
                assertThat(tlsHosts).as("TLS for %s", rule.getHost()).contains(rule.getHost());
                rule.getHttp().getPaths().forEach(p -> assertBackendExists(built, p.getBackend().getService().getName(),
                        p.getBackend().getService().getPort().getName(), p.getBackend().getService().getPort().getNumber()));
            }
        }

        // PostgreSQL: the JDBC URL names the CloudNativePG cluster's read-write service and its database
        URI jdbc = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
        assertThat(jdbc.getHost()).endsWith("-rw");
        String clusterName = jdbc.getHost().substring(0, jdbc.getHost().length() - "-rw".length());
        JsonNode cluster = built.get("Cluster", clusterName);
        assertThat(jdbc.getPath()).isEqualTo("/" + cluster.at("/spec/bootstrap/initdb/database").asText());
        String ownerSecret = cluster.at("/spec/bootstrap/initdb/secret/name").asText();
        assertThat(secretOf(c, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo(ownerSecret);
        assertThat(secretOf(c, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(ownerSecret);
        assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(overlay.equals("prod") ? 3 : 1);
        if (overlay.equals("prod")) {
            assertThat(cluster.at("/spec/backup/barmanObjectStore/destinationPath").asText()).isNotBlank();
            assertThat(built.ofKind("ScheduledBackup")).anySatisfy(b ->
                    assertThat(b.at("/spec/cluster/name").asText()).isEqualTo(clusterName));
        }

        // Keycloak: the OIDC URL is the operator's service of the Keycloak CR, on its HTTP port, for the imported realm
        String keycloak = keycloakName(built);
        JsonNode keycloakCr = built.get("Keycloak", keycloak);
        URI oidc = URI.create(env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertThat(oidc.getHost()).isEqualTo(keycloak + "-service");
        assertThat(oidc.getPort()).isEqualTo(keycloakCr.at("/spec/http/httpPort").asInt());
        assertThat(oidc.getPath()).isEqualTo("/realms/" + built.get("KeycloakRealmImport", "onlabel-realm").at("/spec/realm/realm").asText());
        assertThat(keycloakCr.at("/spec/image").asText()).as("the Keycloak the tests run")
                .endsWith(":" + APP.pomProperty("keycloak.version"));
        String keycloakDb = keycloakCr.at("/spec/db/host").asText();
        assertThat(keycloakDb).endsWith("-rw");
        JsonNode keycloakCluster = built.get("Cluster", keycloakDb.substring(0, keycloakDb.length() - 3));
        assertThat(keycloakCr.at("/spec/db/database").asText()).isEqualTo(keycloakCluster.at("/spec/bootstrap/initdb/database").asText());
        assertThat(keycloakCr.at("/spec/db/usernameSecret/name").asText()).isEqualTo(keycloakCluster.at("/spec/bootstrap/initdb/secret/name").asText());
        Ingress keycloakIngress = built.typed("Ingress", keycloak, Ingress.class);
        assertThat(keycloakCr.at("/spec/hostname/hostname").asText()).isEqualTo("https://" + keycloakIngress.getSpec().getRules().get(0).getHost());

        // NetworkPolicy: selects the pods; lets out exactly PostgreSQL, Keycloak and DNS
        NetworkPolicy policy = built.typed("NetworkPolicy", "onlabel", NetworkPolicy.class);
        assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        List<NetworkPolicyPeer> egressPeers = policy.getSpec().getEgress().stream().flatMap(r -> r.getTo().stream()).toList();
        assertThat(egressPeers).hasSize(3);
        assertThat(policy.getSpec().getEgress()).anySatisfy(r -> {
            assertThat(r.getTo().get(0).getPodSelector().getMatchLabels()).containsEntry("cnpg.io/cluster", clusterName);
            assertThat(r.getPorts().get(0).getPort().getIntVal()).isEqualTo(jdbc.getPort());
        });
        assertThat(policy.getSpec().getEgress()).anySatisfy(r -> {
            assertThat(r.getTo().get(0).getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/instance", keycloak);
            assertThat(r.getPorts().get(0).getPort().getIntVal()).isEqualTo(oidc.getPort());
        });
        assertThat(policy.getSpec().getEgress()).anySatisfy(r -> assertThat(r.getPorts()).allSatisfy(p ->
                assertThat(p.getPort().getIntVal()).isEqualTo(53)));
        assertThat(policy.getSpec().getIngress()).allSatisfy(r -> assertThat(r.getPorts()).allSatisfy(p ->
                assertThat(p.getPort().getStrVal()).isEqualTo(c.getPorts().get(0).getName())));
    }

    private static void assertBackendExists(Overlay built, String serviceName, String portName, Integer portNumber) {
        if (serviceName.endsWith("-service") && built.objects().containsKey("Keycloak/" + serviceName.replace("-service", ""))) {
            JsonNode keycloak = built.get("Keycloak", serviceName.replace("-service", ""));
            assertThat(portNumber).as("the Keycloak operator's service port").isEqualTo(keycloak.at("/spec/http/httpPort").asInt());
            return;
        }
        Service service = built.typed("Service", serviceName, Service.class);
        assertThat(service.getSpec().getPorts()).anySatisfy(p -> {
            if (portName != null) {
                assertThat(p.getName()).isEqualTo(portName);
            } else {
                assertThat(p.getPort()).isEqualTo(portNumber);
            }
        });
    }

    private static String keycloakName(Overlay built) {
        List<ObjectNode> keycloaks = built.ofKind("Keycloak");
        assertThat(keycloaks).hasSize(1);
        return keycloaks.get(0).at("/metadata/name").asText();
    }

    private static Container onlyContainer(PodSpec pod) {
        assertThat(pod.getContainers()).hasSize(1);
        return pod.getContainers().get(0);
    }

    private static String env(Container c, String name) {
        return c.getEnv().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow().getValue();
    }

    private static String secretOf(Container c, String name) {
        return c.getEnv().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow()
                .getValueFrom().getSecretKeyRef().getName();
    }

    /** Every environment variable the container gets (ConfigMaps through envFrom, then env; values of Secrets as "<secret>"). */
    static Map<String, String> environment(Overlay built, Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        c.getEnvFrom().forEach(source -> {
            assertThat(source.getConfigMapRef()).as("envFrom only from ConfigMaps").isNotNull();
            ConfigMap map = built.typed("ConfigMap", source.getConfigMapRef().getName(), ConfigMap.class);
            env.putAll(map.getData());
        });
        c.getEnv().forEach(v -> env.put(v.getName(), v.getValueFrom() != null ? "<secret>" : v.getValue()));
        return env;
    }

    private static Path findOnPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
