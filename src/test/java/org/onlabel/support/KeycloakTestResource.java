package org.onlabel.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real Keycloak for the Quarkus tests; its URL is published to {@link Tokens}. */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {
    private KeycloakLauncher keycloak;

    @Override
    public Map<String, String> start() {
        keycloak = KeycloakLauncher.start();
        Tokens.useKeycloak(keycloak.baseUrl());
        return Map.of("quarkus.oidc.auth-server-url", keycloak.realmUrl());
    }

    @Override
    public void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
