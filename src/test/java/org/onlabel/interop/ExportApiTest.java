package org.onlabel.interop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onlabel.support.Api;
import org.onlabel.support.Datasets;
import org.onlabel.support.Tokens;

@QuarkusTest
class ExportApiTest {
    /** DataCite Metadata Schema 4.5, Appendix 1: relationType and relatedIdentifierType. */
    private static final Set<String> RELATION_TYPES = Set.of("IsCitedBy", "Cites", "IsSupplementTo", "IsSupplementedBy",
            "IsContinuedBy", "Continues", "IsDescribedBy", "Describes", "HasMetadata", "IsMetadataFor", "HasVersion",
            "IsVersionOf", "IsNewVersionOf", "IsPreviousVersionOf", "IsPartOf", "HasPart", "IsPublishedIn",
            "IsReferencedBy", "References", "IsDocumentedBy", "Documents", "IsCompiledBy", "Compiles",
            "IsVariantFormOf", "IsOriginalFormOf", "IsIdenticalTo", "IsReviewedBy", "Reviews", "IsDerivedFrom",
            "IsSourceOf", "IsRequiredBy", "Requires", "IsObsoletedBy", "Obsoletes", "IsCollectedBy", "Collects");
    private static final Set<String> IDENTIFIER_TYPES = Set.of("ARK", "arXiv", "bibcode", "CSTR", "DOI", "EAN13", "EISSN",
            "Handle", "IGSN", "ISBN", "ISSN", "ISTC", "LISSN", "LSID", "PMID", "PURL", "RRID", "UPC", "URL", "URN", "w3id");
    private static final Set<String> RESOURCE_TYPES = Set.of("Audiovisual", "Book", "BookChapter", "Collection",
            "ComputationalNotebook", "ConferencePaper", "ConferenceProceeding", "DataPaper", "Dataset", "Dissertation",
            "Event", "Image", "Instrument", "InteractiveResource", "Journal", "JournalArticle", "Model",
            "OutputManagementPlan", "PeerReview", "PhysicalObject", "Preprint", "Report", "Service", "Software", "Sound",
            "Standard", "StudyRegistration", "Text", "Workflow", "Other");

    private static String source;
    private static String derived;
    private static String grandchild;
    private static String paper;
    private static String hidden;
    private static String behindEmbargo;

    /** One small catalog for all tests of the class, made when the first test runs (the service is up by then). */
    @BeforeEach
    void catalog() {
        if (source != null) {
            return;
        }
        source = Datasets.uniqueKey("export-source");
        Map<String, Object> s = Datasets.valid(source);
        s.put("organization", "nyu");
        s.put("extras", Map.of("bids", Map.of("HowToAcknowledge", "Cite the Test Hospital knee study and thank its volunteers.")));
        Api.create(Tokens.user("carol"), s).then().statusCode(201);

        derived = Datasets.uniqueKey("export-derived");
        Map<String, Object> d = Api.derived(derived, "nyu", List.of(source),
                List.of(Api.step("coil-combination", Map.of("method", "rss")), Api.step("magnitude-extraction", Map.of())));
        d.put("representation", Map.of("domain", "image", "complex", false, "coils", "combined", "compression", "none"));
        d.put("intendedUses", List.of(Map.of("task", "segmentation", "note", "cartilage")));
        d.put("contraindications", List.of(Map.of("task", "mri-reconstruction", "reason", "magnitude-only images")));
        d.put("license", "CC-BY-4.0");
        Api.create(Tokens.user("carol"), d).then().statusCode(201);

        grandchild = Datasets.uniqueKey("export-grandchild");
        Map<String, Object> g = Api.derived(grandchild, "nyu", List.of(derived), List.of(Api.step("resampling", Map.of())));
        g.put("doi", null);
        Api.create(Tokens.user("carol"), g).then().statusCode(201);

        paper = "10.5555/descriptor-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> pub = new LinkedHashMap<>(Map.of("title", "A derived knee dataset", "journal", "Scientific Data",
                "year", 2024, "type", "data-resource", "authors", List.of("Doe, Jane", "Roe, Richard"),
                "datasets", List.of(Map.of("key", derived, "relation", "IsDescribedBy"), Map.of("key", source, "relation", "References"))));
        Api.as(Tokens.journal()).urlEncodingEnabled(false).body(pub).put("/api/v1/publications/" + paper.replace("/", "%2F"))
                .then().statusCode(201);

        hidden = Datasets.uniqueKey("export-embargoed");
        Map<String, Object> h = Datasets.valid(hidden);
        h.put("organization", "nyu");
        h.put("visibility", "embargoed");
        Api.create(Tokens.user("carol"), h).then().statusCode(201);
        behindEmbargo = Datasets.uniqueKey("export-public-child");
        Api.create(Tokens.user("carol"), Api.derived(behindEmbargo, "nyu", List.of(hidden), List.of(Api.step("resampling", Map.of()))))
                .then().statusCode(201);
    }

    @Test
    void dataCiteHasEveryMandatoryPropertyAndTypedRelations() {
        JsonPath dc = given().get(Api.DATASETS + "/" + derived + "/datacite").then().statusCode(200).extract().jsonPath();
        Map<String, Object> a = dc.getMap("data.attributes");
        assertThat(dc.getString("data.type")).isEqualTo("dois");
        assertThat(a).containsKeys("identifiers", "creators", "titles", "publisher", "publicationYear", "types", "schemaVersion");
        assertThat(dc.getString("data.attributes.doi")).isEqualTo(("10.5555/" + derived).toLowerCase());
        assertThat(dc.getString("data.attributes.creators[0].name")).isEqualTo("Test Hospital");
        assertThat(dc.getString("data.attributes.titles[0].title")).isNotBlank();
        assertThat(dc.getString("data.attributes.publisher.name")).isEqualTo("Test Hospital");
        assertThat(dc.getString("data.attributes.publicationYear")).isEqualTo("2024");
        assertThat(dc.getString("data.attributes.types.resourceTypeGeneral")).isEqualTo("Dataset");
        assertThat(dc.getString("data.attributes.rightsList[0].rightsIdentifier")).isEqualTo("CC-BY-4.0");
        assertThat(dc.getString("data.attributes.rightsList[0].rightsUri")).isEqualTo("https://spdx.org/licenses/CC-BY-4.0.html");
        assertThat(dc.getList("data.attributes.subjects.subject", String.class)).contains("MR", "knee", "segmentation");
        assertThat(dc.getList("data.attributes.descriptions.descriptionType", String.class)).contains("Methods");

        List<Map<String, Object>> related = dc.getList("data.attributes.relatedIdentifiers");
        for (Map<String, Object> r : related) {
            assertThat((String) r.get("relationType")).isIn(RELATION_TYPES);
            assertThat((String) r.get("relatedIdentifierType")).isIn(IDENTIFIER_TYPES);
            assertThat((String) r.get("resourceTypeGeneral")).isIn(RESOURCE_TYPES);
        }
        assertThat(related).anySatisfy(r -> assertThat(r).containsEntry("relationType", "IsDerivedFrom")
                .containsEntry("relatedIdentifier", "10.5555/" + source).containsEntry("relatedIdentifierType", "DOI"));
        assertThat(related).anySatisfy(r -> assertThat(r).containsEntry("relationType", "IsSourceOf")
                .containsEntry("relatedIdentifierType", "URL"));
        assertThat(related).anySatisfy(r -> assertThat(r).containsEntry("relationType", "IsDescribedBy")
                .containsEntry("relatedIdentifier", paper).containsEntry("resourceTypeGeneral", "JournalArticle"));
        // "the paper References the source" is, from the source's side, IsReferencedBy
        JsonPath ofSource = given().get(Api.DATASETS + "/" + source + "/datacite").then().statusCode(200).extract().jsonPath();
        assertThat(ofSource.getList("data.attributes.relatedIdentifiers")).anySatisfy(r -> assertThat(asMap(r))
                .containsEntry("relationType", "IsReferencedBy").containsEntry("relatedIdentifier", paper));
        // a dataset without a DOI is identified by its URL here
        JsonPath ofGrandchild = given().get(Api.DATASETS + "/" + grandchild + "/datacite").then().statusCode(200).extract().jsonPath();
        assertThat(ofGrandchild.getString("data.attributes.identifiers[0].identifierType")).isEqualTo("URL");
        assertThat(ofGrandchild.getString("data.attributes.identifiers[0].identifier")).endsWith("/api/v1/datasets/" + grandchild);
    }

    @Test
    void anEmbargoedParentIsNotRevealedByTheExportsOfItsPublicChild() {
        for (String path : List.of("/datacite", "/croissant", "/citation")) {
            String body = Api.as(Tokens.journal()).get(Api.DATASETS + "/" + behindEmbargo + path).then().statusCode(200)
                    .extract().asString();
            assertThat(body).doesNotContain(hidden);
        }
        String own = Api.as(Tokens.user("alice")).get(Api.DATASETS + "/" + behindEmbargo + "/datacite").then().statusCode(200)
                .extract().asString();
        assertThat(own).contains("10.5555/" + hidden);
        given().get(Api.DATASETS + "/" + hidden + "/datacite").then().statusCode(404);
    }

    @Test
    void croissantExpandsWithItsOwnContextAndCarriesTheResponsibleAiProperties() throws Exception {
        Response r = given().get(Api.DATASETS + "/" + derived + "/croissant");
        r.then().statusCode(200).contentType(startsWith("application/ld+json"));
        JsonObject node = expandedDataset(r.asString());
        assertThat(ids(node.getJsonArray("@type"))).contains("https://schema.org/Dataset");
        assertThat(values(node, "http://purl.org/dc/terms/conformsTo"))
                .contains("http://mlcommons.org/croissant/1.0", "http://mlcommons.org/croissant/RAI/1.0");
        assertThat(values(node, "http://mlcommons.org/croissant/RAI/dataPreprocessingProtocol"))
                .anySatisfy(s -> assertThat(s).startsWith("coil-combination"))
                .anySatisfy(s -> assertThat(s).startsWith("magnitude-extraction"));
        assertThat(values(node, "http://mlcommons.org/croissant/RAI/dataUseCases")).contains("segmentation: cartilage");
        assertThat(values(node, "http://mlcommons.org/croissant/RAI/dataLimitations"))
                .anySatisfy(s -> assertThat(s).contains("mri-reconstruction").contains("magnitude-only images"));
        assertThat(values(node, "http://mlcommons.org/croissant/RAI/personalSensitiveInformation")).isNotEmpty();
        assertThat(ids(node.getJsonArray("http://www.w3.org/ns/prov#wasDerivedFrom"))).contains("https://doi.org/10.5555/" + source);
        assertThat(values(node, "https://schema.org/name")).isNotEmpty();
        assertThat(values(node, "https://schema.org/license")).contains("https://spdx.org/licenses/CC-BY-4.0.html");
        assertThat(values(node, "http://mlcommons.org/croissant/citeAs")).anySatisfy(s -> assertThat(s).contains("@misc"));
    }

    @Test
    void acceptLdJsonOnTheDatasetGivesItsCroissantRecordAndPlainJsonStaysTheDefault() throws Exception {
        Response ld = given().accept("application/ld+json").get(Api.DATASETS + "/" + derived);
        ld.then().statusCode(200).contentType(startsWith("application/ld+json")).header("Vary", "Accept");
        assertThat(values(expandedDataset(ld.asString()), "http://purl.org/dc/terms/conformsTo")).hasSize(2);
        given().get(Api.DATASETS + "/" + derived).then().statusCode(200).contentType(startsWith("application/json"))
                .body("key", equalTo(derived));
        given().accept("application/json, application/ld+json;q=0.5").get(Api.DATASETS + "/" + derived).then()
                .contentType(startsWith("application/json")).body("key", equalTo(derived));
    }

    @Test
    void theBibTeXCitationParsesBackAndCreditsEverySourceAndItsPaper() throws Exception {
        Response r = given().queryParam("style", "bibtex").get(Api.DATASETS + "/" + grandchild + "/citation");
        r.then().statusCode(200).contentType(startsWith("application/x-bibtex"));
        BibTeXDatabase db = new BibTeXParser().parse(new StringReader(r.asString()));
        Map<Key, BibTeXEntry> entries = db.getEntries();
        assertThat(entries.keySet().stream().map(Key::getValue).toList())
                .contains("dataset:" + grandchild, "dataset:" + derived, "dataset:" + source, "doi:" + paper.replace("/", "-"));
        BibTeXEntry sourceEntry = entries.get(new Key("dataset:" + source));
        assertThat(sourceEntry.getType().getValue()).isEqualTo("misc");
        assertThat(sourceEntry.getField(new Key("note")).toUserString())
                .contains("Cite the Test Hospital knee study").contains("requires attribution");
        assertThat(sourceEntry.getField(BibTeXEntry.KEY_DOI).toUserString()).isEqualTo("10.5555/" + source);
        BibTeXEntry paperEntry = entries.get(new Key("doi:" + paper.replace("/", "-")));
        assertThat(paperEntry.getType().getValue()).isEqualTo("article");
        assertThat(paperEntry.getField(BibTeXEntry.KEY_AUTHOR).toUserString()).isEqualTo("Doe, Jane and Roe, Richard");
        assertThat(paperEntry.getField(BibTeXEntry.KEY_YEAR).toUserString()).isEqualTo("2024");
        assertThat(paperEntry.getField(BibTeXEntry.KEY_JOURNAL).toUserString()).isEqualTo("Scientific Data");
    }

    @Test
    void risAndCslJsonCarryTheSameWorks() {
        String ris = given().queryParam("style", "ris").get(Api.DATASETS + "/" + derived + "/citation").then().statusCode(200)
                .contentType(startsWith("application/x-research-info-systems")).extract().asString();
        assertThat(ris.lines().filter(l -> l.startsWith("TY  - ")).toList()).contains("TY  - DATA", "TY  - JOUR");
        assertThat(ris.lines().filter(l -> l.startsWith("ER  - ")).count())
                .isEqualTo(ris.lines().filter(l -> l.startsWith("TY  - ")).count());
        assertThat(ris).contains("DO  - " + paper).contains("DO  - 10.5555/" + source);

        JsonPath csl = given().queryParam("style", "csl-json").get(Api.DATASETS + "/" + derived + "/citation").then()
                .statusCode(200).contentType(startsWith("application/vnd.citationstyles.csl+json")).extract().jsonPath();
        assertThat(csl.getList("type", String.class)).contains("dataset", "article-journal");
        assertThat(csl.getList("DOI", String.class)).contains(paper, "10.5555/" + source);
        List<Map<String, Object>> items = csl.getList("$");
        assertThat(items).anySatisfy(item -> assertThat(item).containsEntry("type", "article-journal")
                .containsEntry("issued", Map.of("date-parts", List.of(List.of(2024)))));
        given().queryParam("style", "mla").get(Api.DATASETS + "/" + derived + "/citation").then().statusCode(422);
    }

    @Test
    void fromAReferencePapersDoiToItsDatasetsAndTheirRecords() {
        List<String> keys = given().queryParam("publication", "doi:10.1118/1.3528204").get(Api.DATASETS).then().statusCode(200)
                .extract().jsonPath().getList("items.key", String.class);
        assertThat(keys).containsExactly("lidc-idri");
        given().get(Api.DATASETS + "/lidc-idri/label").then().statusCode(200);
        JsonPath dc = given().get(Api.DATASETS + "/lidc-idri/datacite").then().statusCode(200).extract().jsonPath();
        assertThat(dc.getList("data.attributes.relatedIdentifiers")).anySatisfy(r -> assertThat(asMap(r))
                .containsEntry("relationType", "IsDescribedBy").containsEntry("relatedIdentifier", "10.1118/1.3528204"));
        assertThat(dc.getList("data.attributes.relatedIdentifiers")).anySatisfy(r -> assertThat(asMap(r))
                .containsEntry("relationType", "IsSourceOf"));
        given().accept("application/ld+json").get(Api.DATASETS + "/lidc-idri").then().statusCode(200)
                .contentType(startsWith("application/ld+json"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** Expands offline: any attempt to load a remote context fails the test. */
    private static JsonObject expandedDataset(String jsonLd) throws JsonLdError {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, o) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "the test loads nothing from the network: " + url);
        });
        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(jsonLd))).options(options).get();
        assertThat(expanded).hasSize(1);
        return expanded.getJsonObject(0);
    }

    private static List<String> values(JsonObject node, String property) {
        List<String> out = new ArrayList<>();
        JsonArray array = node.getJsonArray(property);
        if (array != null) {
            for (JsonValue v : array) {
                JsonObject o = v.asJsonObject();
                out.add(o.containsKey("@value") ? o.getString("@value") : o.getString("@id"));
            }
        }
        return out;
    }

    private static List<String> ids(JsonArray array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (JsonValue v : array) {
                out.add(v.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) v).getString()
                        : v.asJsonObject().getString("@id"));
            }
        }
        return out;
    }
}
