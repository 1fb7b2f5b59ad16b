package org.onlabel.interop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.onlabel.support.Api.DATASETS;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

@QuarkusTest
class BidsImportApiTest {
    private static final String BIDS = "/api/v1/imports/bids";

    @Test
    void aRawDescriptionIsRegisteredAndItsUnmappedFieldsKept() {
        String key = Datasets.uniqueKey("bids-raw");
        JsonPath created = Api.as(Tokens.user("alice")).queryParam("key", key).body("""
                {"Name": "Visual task fMRI", "BIDSVersion": "1.9.0", "DatasetType": "raw",
                 "License": "Please contact the authors before use",
                 "Authors": ["A. Author"], "HowToAcknowledge": "Cite doi:10.5555/paper",
                 "ReferencesAndLinks": ["https://example.org"], "EthicsApprovals": ["IRB 123"],
                 "DatasetDOI": "doi:10.5555/bids-raw-%s"}""".formatted(key)).post(BIDS)
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith(DATASETS + "/" + key))
                .extract().jsonPath();
        assertThat(created.getString("title")).isEqualTo("Visual task fMRI");
        assertThat(created.getString("license")).isNull();
        assertThat(created.getString("doi")).isEqualTo("10.5555/bids-raw-" + key);
        assertThat(created.getString("organization")).isEqualTo("nyu");
        Map<String, Object> bids = created.getMap("extras.bids");
        assertThat(bids).containsEntry("License", "Please contact the authors before use")
                .containsKeys("Authors", "HowToAcknowledge", "ReferencesAndLinks", "EthicsApprovals", "BIDSVersion");
    }

    @Test
    void aDerivativeTakesItsStepsFromGeneratedByAndItsParentsFromSourceDatasets() {
        String source = Datasets.uniqueKey("bids-source");
        Map<String, Object> body = Datasets.valid(source);
        body.put("doi", "10.5555/" + source);
        body.put("organization", "nyu");
        Api.create(Tokens.user("alice"), body).then().statusCode(201);

        String key = Datasets.uniqueKey("bids-deriv");
        JsonPath created = Api.as(Tokens.user("alice")).queryParam("key", key).body("""
                {"Name": "Skull-stripped T1w", "DatasetType": "derivative", "License": "CC0",
                 "GeneratedBy": [{"Name": "HD-BET", "Version": "1.0", "CodeURL": "https://github.com/MIC-DKFZ/HD-BET"},
                                 {"Name": "qc-report"}],
                 "SourceDatasets": [{"DOI": "doi:10.5555/%s", "Version": "1.0.0"},
                                    {"URL": "https://example.org/never-registered/%s"}],
                 "SomeToolSpecificField": {"nested": true}}""".formatted(source, key)).post(BIDS)
                .then().statusCode(201).extract().jsonPath();
        assertThat(created.getString("license")).isEqualTo("CC0-1.0");
        assertThat(created.getList("preprocessing.step")).containsExactly("skull-stripping", "qc-report");
        assertThat(created.getString("preprocessing[0].software.name")).isEqualTo("HD-BET");
        assertThat(created.getString("derivedFrom[0].key")).isEqualTo(source);
        assertThat(created.getString("derivedFrom[0].version")).isEqualTo("1.0.0");
        String stub = created.getString("derivedFrom[1].key");
        given().get(DATASETS + "/" + stub).then().statusCode(200).body("registered", equalTo(false));
        assertThat(created.getMap("extras.bids")).containsKey("SomeToolSpecificField");
    }

    @Test
    void anImportNeedsAKeyAnObjectAndTheRightRole() {
        Api.as(Tokens.user("alice")).body("{\"Name\": \"x\"}").post(BIDS).then().statusCode(422)
                .body("errors[0].field", equalTo("key"));
        Api.as(Tokens.user("alice")).queryParam("key", Datasets.uniqueKey("bids")).body("[]").post(BIDS).then().statusCode(422);
        Api.as(Tokens.user("dave")).queryParam("key", Datasets.uniqueKey("bids")).body("{\"Name\": \"x\"}").post(BIDS)
                .then().statusCode(403);
    }
}
