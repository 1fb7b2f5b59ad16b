package org.onlabel.provenance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onlabel.support.Api.DATASETS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/**
 * A new dataset cannot close a cycle (no other transaction can see it, so nothing derives from it yet): creating one
 * with parents does not wait for the derivation lock, which serialised every derived create before. Held here by
 * another session for the whole create, the lock would block it until released.
 */
@QuarkusTest
class DerivedCreateWithoutDerivationLockTest {
    @Inject
    DataSource dataSource;

    @Test
    void aDerivedCreateCompletesWhileAnotherSessionHoldsTheDerivationLock() throws Exception {
        String token = Tokens.user("alice");
        String parent = Datasets.uniqueKey("lockfree-parent");
        Api.create(token, Api.derived(parent, "nyu", List.of(), List.of())).then().statusCode(201);
        String child = Datasets.uniqueKey("lockfree-child");
        try (Connection holder = dataSource.getConnection(); Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + ProvenanceRepository.DERIVATION_LOCK + ")");
            try {
                Response created = CompletableFuture
                        .supplyAsync(() -> Api.create(token, Api.derived(child, "nyu", List.of(parent), List.of())))
                        .get(60, TimeUnit.SECONDS);
                created.then().statusCode(201);
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + ProvenanceRepository.DERIVATION_LOCK + ")");
            }
        }
        List<String> parents = given().get(DATASETS + "/" + child).jsonPath().getList("derivedFrom.key");
        assertThat(parents).containsExactly(parent);
    }
}
