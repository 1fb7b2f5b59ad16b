package org.onlabel.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.DiffFlags;
import com.flipkart.zjsonpatch.JsonDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * Derives the Kubernetes realm import from the realm file the local run uses (keycloak/onlabel-realm.json), so
 * that there is one realm definition:
 * <ul>
 * <li>base (every deployment): the realm without the demo people, the confidential clients' secrets taken from the
 * Secret {@value #CLIENT_SECRETS} through the operator's placeholders, and TLS required for external requests;</li>
 * <li>dev overlay: a JSON patch that turns it back into exactly the realm file, demo users and secrets
 * included.</li>
 * </ul>
 * Service-account users stay in base: they are how the pipeline and journal clients get their roles and
 * organization.
 */
final class RealmImports {
    static final String CLIENT_SECRETS = "onlabel-keycloak-clients";
    static final String KEYCLOAK_CR = "onlabel-keycloak";
    static final Path REALM_FILE = Path.of("keycloak/onlabel-realm.json");
    static final Path BASE_FILE = Path.of("k8s/base/keycloak-realm-import.yaml");
    static final Path DEV_PATCH_FILE = Path.of("k8s/overlays/dev/realm-demo-identities.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmImports() {
    }

    static JsonNode realmFile() {
        try {
            return JSON.readTree(REALM_FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm import every deployment gets. */
    static ObjectNode base() {
        ObjectNode realm = realmFile().deepCopy();
        realm.put("sslRequired", "external");
        ArrayNode users = JSON.createArrayNode();
        realm.path("users").forEach(u -> {
            if (u.hasNonNull("serviceAccountClientId")) {
                users.add(u);
            }
        });
        realm.set("users", users);
        ObjectNode placeholders = JSON.createObjectNode();
        for (JsonNode client : realm.path("clients")) {
            if (client.hasNonNull("secret")) {
                String clientId = client.get("clientId").asText();
                String placeholder = placeholder(clientId);
                ((ObjectNode) client).put("secret", "${" + placeholder + "}");
                placeholders.putObject(placeholder).putObject("secret").put("name", CLIENT_SECRETS).put("key", clientId);
            }
        }
        ObjectNode cr = JSON.createObjectNode();
        cr.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        cr.put("kind", "KeycloakRealmImport");
        ObjectNode metadata = cr.putObject("metadata");
        metadata.put("name", "onlabel-realm");
        metadata.putObject("labels").put("app.kubernetes.io/name", "onlabel-keycloak")
                .put("app.kubernetes.io/part-of", "onlabel");
        ObjectNode spec = cr.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK_CR);
        spec.set("placeholders", placeholders);
        spec.set("realm", realm);
        return cr;
    }

    /** The realm import of the dev overlay: the realm file itself. */
    static ObjectNode dev() {
        ObjectNode cr = base();
        ObjectNode spec = (ObjectNode) cr.get("spec");
        spec.remove("placeholders");
        spec.set("realm", realmFile().deepCopy());
        return cr;
    }

    /** The JSON 6902 patch of the dev overlay, from base to dev (only add, remove and replace operations). */
    static JsonNode devPatch() {
        return JsonDiff.asJson(base(), dev(), EnumSet.of(DiffFlags.OMIT_MOVE_OPERATION, DiffFlags.OMIT_COPY_OPERATION,
                DiffFlags.OMIT_VALUE_ON_REMOVE));
    }

    /** The environment-variable-like name of a client's secret placeholder, e.g. ONLABEL_PIPELINE_SECRET. */
    static String placeholder(String clientId) {
        return clientId.toUpperCase().replaceAll("[^A-Z0-9]", "_") + "_SECRET";
    }
}
