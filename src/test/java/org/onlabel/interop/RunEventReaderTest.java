package org.onlabel.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.onlabel.common.error.FieldError;
import org.onlabel.interop.openlineage.RunEventReader;

class RunEventReaderTest {
    private final ObjectMapper json = new ObjectMapper();
    private final RunEventReader reader = new RunEventReader(json);

    @Test
    void readsTypedStepsFromTheRunFacetAndIgnoresUnknownFacets() throws Exception {
        var result = reader.read(json.readTree("""
                {"eventType": "COMPLETE", "eventTime": "2026-12-01T10:00:00Z",
                 "run": {"runId": "r1", "facets": {
                    "nominalTime": {"nominalStartTime": "2026-12-01T09:00:00Z"},
                    "onlabel_preprocessing": {"steps": [{"step": "coil-combination", "parameters": {"method": "RSS"},
                                                         "software": {"name": "bart", "version": "0.9"}}]}}},
                 "job": {"namespace": "lab", "name": "rss", "facets": {"somethingNew": {"x": 1}}},
                 "inputs": [{"namespace": "onlabel", "name": "fastmri-knee-multicoil", "facets": {"schema": {}}}],
                 "outputs": [{"namespace": "s3://lab", "name": "out/rss"}]}"""));
        assertThat(result.errors()).isEmpty();
        var e = result.event();
        assertThat(e.isComplete()).isTrue();
        assertThat(e.runSteps()).singleElement().satisfies(s -> {
            assertThat(s.step()).isEqualTo("coil-combination");
            assertThat(s.parameters()).containsEntry("method", "RSS");
            assertThat(s.software().name()).isEqualTo("bart");
            assertThat(s.runId()).isEqualTo("r1");
        });
        assertThat(e.inputs()).extracting(n -> n.namespace() + "/" + n.name()).containsExactly("onlabel/fastmri-knee-multicoil");
        assertThat(e.outputs()).singleElement().satisfies(o -> assertThat(o.steps()).isEmpty());
    }

    @Test
    void withoutTheFacetOneUntypedStepIsNamedAfterTheJob() throws Exception {
        var e = reader.read(json.readTree("""
                {"eventType": "COMPLETE", "eventTime": "2026-12-01T10:00:00+01:00", "run": {"runId": "r2",
                 "facets": {"processing_engine": {"name": "spark", "version": "3.5.0"}}},
                 "job": {"namespace": "lab", "name": "nightly-resample"}, "inputs": [], "outputs": []}""")).event();
        assertThat(e.runSteps()).singleElement().satisfies(s -> {
            assertThat(s.step()).isEqualTo("nightly-resample");
            assertThat(s.software().name()).isEqualTo("spark");
        });
    }

    @Test
    void outputFacetStepsBelongToThatOutput() throws Exception {
        var e = reader.read(json.readTree("""
                {"eventType": "COMPLETE", "eventTime": "2026-12-01T10:00:00Z", "run": {"runId": "r3"},
                 "job": {"namespace": "lab", "name": "j"},
                 "outputs": [{"namespace": "s3://lab", "name": "a",
                              "facets": {"onlabel_preprocessing": {"steps": [{"step": "downsampling", "parameters": {"factor": 2}}]}}}]}""")).event();
        assertThat(e.outputs().get(0).steps()).extracting(s -> s.step()).containsExactly("downsampling");
    }

    @Test
    void namesEveryMissingPart() throws Exception {
        var result = reader.read(json.readTree("""
                {"eventType": "FINISHED", "eventTime": "yesterday", "run": {}, "job": {"namespace": "lab"},
                 "inputs": [{"name": "x"}], "outputs": {},
                 "run": {"facets": {"onlabel_preprocessing": {"steps": [{"parameters": {}}]}}}}"""));
        assertThat(result.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("eventType", "eventTime",
                "run.runId", "job.name", "inputs[0]", "outputs", "run.facets.onlabel_preprocessing.steps[0].step");
    }
}
