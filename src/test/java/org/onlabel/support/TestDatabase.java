package org.onlabel.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link EmbeddedPostgresResource} for every {@code @QuarkusTest} of the module. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class TestDatabase {
    private TestDatabase() {
    }
}
