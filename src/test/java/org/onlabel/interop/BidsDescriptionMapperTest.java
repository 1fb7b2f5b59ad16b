package org.onlabel.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onlabel.interop.bids.BidsDescriptionMapper;

class BidsDescriptionMapperTest {
    private final ObjectMapper json = new ObjectMapper();
    private final BidsDescriptionMapper mapper = new BidsDescriptionMapper(json);

    @Test
    void rawDatasetWithAFreeTextLicenseKeepsWhatItCannotMap() throws Exception {
        var m = mapper.map(json.readTree("""
                {"Name": "Auditory oddball", "BIDSVersion": "1.8.0", "DatasetType": "raw",
                 "License": "Free for non-commercial research; ask the PI",
                 "Authors": ["A. Author", "B. Author"], "HowToAcknowledge": "Cite the paper",
                 "ReferencesAndLinks": ["https://example.org/paper"], "DatasetDOI": "doi:10.18112/openneuro.ds000116.v1.0.0",
                 "Funding": "NIH R01"}"""));
        assertThat(m.title()).isEqualTo("Auditory oddball");
        assertThat(m.license()).isNull();
        assertThat(m.doi()).isEqualTo("doi:10.18112/openneuro.ds000116.v1.0.0");
        assertThat(m.steps()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> bids = (Map<String, Object>) m.extras().get("bids");
        assertThat(bids).containsEntry("License", "Free for non-commercial research; ask the PI")
                .containsEntry("HowToAcknowledge", "Cite the paper")
                .containsEntry("Funding", "NIH R01")
                .containsKeys("Authors", "ReferencesAndLinks", "BIDSVersion", "DatasetType");
    }

    @Test
    void derivativeMapsGeneratedByAndSources() throws Exception {
        var m = mapper.map(json.readTree("""
                {"Name": "Skull-stripped", "DatasetType": "derivative", "License": "CC0",
                 "GeneratedBy": [{"Name": "HD-BET", "Version": "1.0", "CodeURL": "https://github.com/MIC-DKFZ/HD-BET",
                                  "Container": {"Type": "docker", "Tag": "hdbet:1.0"}},
                                 {"Name": "MyCustomTool", "Description": "in-house cleanup"}],
                 "SourceDatasets": [{"DOI": "10.5555/source", "Version": "1.0.0"}, {"URL": "https://example.org/raw"}, {}]}"""));
        assertThat(m.license()).isEqualTo("CC0-1.0");
        assertThat(m.steps()).extracting(s -> s.step()).containsExactly("skull-stripping", "MyCustomTool");
        assertThat(m.steps().get(0).software().container()).isEqualTo("docker:hdbet:1.0");
        assertThat(m.steps().get(0).software().codeUrl()).isEqualTo("https://github.com/MIC-DKFZ/HD-BET");
        assertThat(m.sources()).extracting(BidsDescriptionMapper.Source::doi).containsExactly("10.5555/source", null);
    }

    @Test
    void fieldsOfTheWrongTypeAreKeptNotFatal() throws Exception {
        var m = mapper.map(json.readTree("""
                {"Name": 42, "GeneratedBy": "fMRIPrep 23", "SourceDatasets": "ds000001", "DatasetDOI": "not a doi"}"""));
        assertThat(m.steps()).isEmpty();
        assertThat(m.sources()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> bids = (Map<String, Object>) m.extras().get("bids");
        assertThat(bids).containsEntry("GeneratedBy", "fMRIPrep 23").containsEntry("SourceDatasets", "ds000001")
                .containsEntry("DatasetDOI", "not a doi");
    }
}
