package org.onlabel.dataset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferenceCatalogTest {

    @Inject
    ReferenceCatalog catalog;

    @Test
    void bratsIsSeededWithItsContraindication() {
        given().get("/api/v1/datasets/brats-2021").then().statusCode(200)
                .body("key", equalTo("brats-2021"))
                .body("modalities", contains("MR"))
                .body("representation.domain", equalTo("image"))
                .body("representation.complex", equalTo(false))
                .body("intendedUses.task", hasItem("segmentation"))
                .body("contraindications.task", contains("mri-reconstruction"))
                .body("license", equalTo("CC-BY-4.0"));
    }

    @Test
    void uncertainFactsStayUnknown() {
        // the M4Raw license is not established: it is recorded as unknown, not guessed
        given().get("/api/v1/datasets/m4raw").then().statusCode(200)
                .body("license", nullValue())
                .body("representation.domain", equalTo("kspace"));
    }

    @Test
    void everyReferenceDatasetIsLoadedAndLoadingAgainAddsNothing() {
        int shipped = catalog.read().size();
        assertThat(shipped).isGreaterThanOrEqualTo(17);
        for (DatasetRequest request : catalog.read()) {
            given().get("/api/v1/datasets/" + request.key()).then().statusCode(200).body("title", equalTo(request.title()));
        }
        assertThat(catalog.loadIntoEmptyCatalog()).isZero();
        given().get("/api/v1/datasets/fastmri-knee-multicoil").then().statusCode(200)
                .body("intendedUses.task", hasItem("mri-reconstruction"));
    }
}
