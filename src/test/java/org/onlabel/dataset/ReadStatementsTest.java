package org.onlabel.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onlabel.common.security.Caller;
import org.onlabel.provenance.ProvenanceService;
import org.onlabel.support.Datasets;
import org.onlabel.support.StatementCounter;
import org.onlabel.support.Tokens;

/** Reads cost a fixed number of SQL statements: a list page does not grow with its size, a GET is one or two. */
@QuarkusTest
class ReadStatementsTest {
    private static final int DATASETS = 6;
    private static final Caller ANONYMOUS = Caller.anonymousCaller();

    @Inject
    DatasetService datasets;

    @Inject
    ProvenanceService provenance;

    private static String organization;
    private static String chainTip;

    /** Datasets of one organization, each derived from the one before with a step: parents, steps and licenses. */
    @BeforeEach
    void registerAChainOfDerivedDatasets() {
        if (organization != null) {
            return;
        }
        organization = "stmt-" + UUID.randomUUID().toString().substring(0, 8);
        String previous = "fastmri-knee-multicoil";
        for (int i = 0; i < DATASETS; i++) {
            String key = Datasets.uniqueKey("stmt-" + i);
            Map<String, Object> body = Datasets.valid(key);
            body.put("organization", organization);
            body.put("derivedFrom", List.of(Map.of("key", previous)));
            body.put("preprocessing", List.of(Map.of("step", "coil-compression")));
            given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(body).post("/api/v1/datasets")
                    .then().statusCode(201);
            previous = key;
        }
        chainTip = previous;
    }

    private static DatasetQuery page(int limit) {
        return new DatasetQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(organization), Optional.empty(), limit);
    }

    @Test
    void aListPageCostsTheSameStatementsWhateverItsSize() {
        int[] sizes = new int[2];
        int small = StatementCounter.during(() -> sizes[0] = datasets.list(ANONYMOUS, page(2)).items().size());
        int large = StatementCounter.during(() -> sizes[1] = datasets.list(ANONYMOUS, page(DATASETS)).items().size());
        assertThat(sizes).containsExactly(2, DATASETS);
        assertThat(large).isEqualTo(small);
        // the page in one statement, plus the license table's revision because the rows have registered parents
        assertThat(large).isLessThanOrEqualTo(2);
    }

    @Test
    void aGetIsOneStatementPlusTheLicenseTableRevision() {
        assertThat(StatementCounter.during(() -> datasets.get(ANONYMOUS, chainTip))).isLessThanOrEqualTo(2);
        assertThat(StatementCounter.during(() -> datasets.get(ANONYMOUS, "fastmri-knee-multicoil"))).isEqualTo(1);
    }

    @Test
    void aHistoryIsOneStatementAndWalksTheWholeChain() {
        int[] steps = new int[1];
        int statements = StatementCounter.during(() -> steps[0] = provenance.history(ANONYMOUS, chainTip).steps().size());
        assertThat(steps[0]).isGreaterThanOrEqualTo(DATASETS);
        assertThat(statements).isEqualTo(1);
    }
}
