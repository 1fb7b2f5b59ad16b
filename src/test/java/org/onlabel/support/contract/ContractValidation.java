package org.onlabel.support.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Installs {@link ContractCheckingFilter} before every {@code @QuarkusTest} method, so that every response an API
 * test receives through RestAssured is validated against the committed contract. A Quarkus callback (registered in
 * META-INF/services), because Quarkus runs its tests in a class loader of its own, whose RestAssured is not the
 * one a plain JUnit extension would see.
 */
public final class ContractValidation implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        synchronized (ContractValidation.class) {
            if (RestAssured.filters().stream().noneMatch(ContractCheckingFilter.class::isInstance)) {
                RestAssured.filters(new ContractCheckingFilter());
            }
        }
    }
}
