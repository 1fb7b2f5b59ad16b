package org.onlabel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.client.ApiClient;
import org.onlabel.client.api.ChecksApi;
import org.onlabel.client.api.DatasetsApi;
import org.onlabel.client.api.LicensesApi;
import org.onlabel.client.api.ProvenanceApi;
import org.onlabel.client.api.VocabulariesApi;
import org.onlabel.client.model.Dataset;
import org.onlabel.client.model.DatasetPage;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

/**
 * A client generated from the committed openapi/openapi.yaml (OpenAPI Generator, Java, native library) reads every
 * dataset of the catalog (the reference datasets and whatever the other tests registered, plus awkward ones made
 * here) and every read about it, with unknown members refused: the contract describes exactly what is sent.
 */
@QuarkusTest
class GeneratedClientTest {
    @TestHTTPResource("/")
    URL base;

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        String token = Tokens.user("carol");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        return client;
    }

    private static void registerAwkwardDatasets() {
        String parent = Datasets.uniqueKey("client-parent");
        Map<String, Object> minimal = new java.util.LinkedHashMap<>();
        minimal.put("key", parent);
        minimal.put("title", "Ünïcødé 🙂 minimal");
        minimal.put("organization", "nyu");
        Api.create(Tokens.user("carol"), minimal).then().statusCode(201);
        Map<String, Object> derived = Api.derived(Datasets.uniqueKey("client-derived"), "nyu", List.of(parent),
                List.of(Api.step("coil-combination", Map.of("method", "RSS")), Map.of("step", "site-specific-step",
                        "software", Map.of("name", "tool"))));
        derived.put("extras", Map.of("nested", Map.of("list", List.of(1, "two", Map.of()))));
        derived.put("representation", new java.util.HashMap<>(Map.of("domain", "image")));
        Api.create(Tokens.user("carol"), derived).then().statusCode(201);
        Api.as(Tokens.user("carol")).queryParam("key", Datasets.uniqueKey("client-bids"))
                .body("{\"Name\": \"BIDS for the client\", \"BIDSVersion\": \"1.9.0\", \"License\": \"free text\", "
                        + "\"Authors\": [\"A\"], \"GeneratedBy\": [{\"Name\": \"HD-BET\", \"Version\": \"1.0\"}]}")
                .post("/api/v1/imports/bids").then().statusCode(201);
    }

    @Test
    void aGeneratedClientReadsEveryDatasetAndEverythingAboutIt() throws Exception {
        registerAwkwardDatasets();
        ApiClient client = client();
        DatasetsApi datasets = new DatasetsApi(client);
        ProvenanceApi provenance = new ProvenanceApi(client);
        ChecksApi checks = new ChecksApi(client);
        List<String> keys = new ArrayList<>();
        String cursor = null;
        do {
            DatasetPage page = datasets.listDatasets(null, cursor, null, null, null, null, null, null, null, null, null, null);
            for (Dataset d : page.getItems()) {
                keys.add(d.getKey());
            }
            cursor = page.getNext();
        } while (cursor != null);
        DatasetPage fit = datasets.listDatasets(null, null, null, "segmentation", null, 5, null, null, null, null, null, null);
        org.assertj.core.api.Assertions.assertThat(fit.getItems()).isNotEmpty()
                .allSatisfy(d -> org.assertj.core.api.Assertions.assertThat(String.valueOf(d.getVerdict()))
                        .isIn("ON_LABEL", "CAUTION"));
        assertThat(keys).contains("brats-2021", "fastmri-knee-multicoil").hasSizeGreaterThanOrEqualTo(23);
        for (String key : keys) {
            assertThat(datasets.getDataset(key, null).getKey()).isEqualTo(key);
            assertThat(provenance.getHistory(key).getDataset()).isEqualTo(key);
            assertThat(provenance.getLineage(key, null, "both", null).getRoot()).isEqualTo(key);
            assertThat(provenance.getProv(key).getEntity()).isNotEmpty();
            assertThat(checks.getLabel(key).getDataset()).isEqualTo(key);
            assertThat(datasets.getDatasetAudit(key, null, null).getItems()).isNotNull();
        }
        assertThat(checks.getRules().getRules()).isNotEmpty();
        assertThat(new LicensesApi(client).listLicenses().getItems()).isNotEmpty();
        VocabulariesApi vocabularies = new VocabulariesApi(client);
        vocabularies.listVocabularies().getItems().forEach(v -> {
            try {
                assertThat(vocabularies.getVocabulary(v.getName()).getTerms()).isNotEmpty();
            } catch (org.onlabel.client.ApiException e) {
                throw new AssertionError(e);
            }
        });
    }
}
