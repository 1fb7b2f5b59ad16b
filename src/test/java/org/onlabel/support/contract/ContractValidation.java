package org.onlabel.support.contract;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Installs {@link ContractCheckingFilter} for every test class (registered through JUnit's extension auto-detection,
 * which Quarkus switches on), so that every response an API test receives through RestAssured
 * is validated against the committed contract.
 */
public final class ContractValidation implements BeforeAllCallback {
    private static volatile boolean installed;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!installed) {
            synchronized (ContractValidation.class) {
                if (!installed) {
                    RestAssured.filters(new ContractCheckingFilter());
                    installed = true;
                }
            }
        }
    }
}
