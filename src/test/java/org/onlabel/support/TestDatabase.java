package org.onlabel.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the real PostgreSQL and the real Keycloak for every {@code @QuarkusTest} of the module; they start in
 * parallel and are shared by all test classes (one Quarkus boot).
 */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, parallel = true)
@QuarkusTestResource(value = KeycloakTestResource.class, parallel = true)
public final class TestDatabase {
    private TestDatabase() {
    }
}
