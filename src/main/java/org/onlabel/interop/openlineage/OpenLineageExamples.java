package org.onlabel.interop.openlineage;

final class OpenLineageExamples {
    static final String COMPLETE = """
            {
              "eventType": "COMPLETE",
              "eventTime": "2026-12-01T10:00:00.000Z",
              "producer": "https://github.com/example/knee-pipeline",
              "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
              "run": {
                "runId": "0190b7a4-5c1e-7cc4-9d3e-2f6b7c1d2a10",
                "facets": {
                  "onlabel_preprocessing": {
                    "_producer": "https://github.com/example/knee-pipeline",
                    "_schemaURL": "https://onlabel.example/facets/OnLabelPreprocessingFacet.json",
                    "steps": [
                      {"step": "coil-combination", "parameters": {"method": "RSS"}},
                      {"step": "magnitude-extraction"}
                    ]
                  }
                }
              },
              "job": {"namespace": "knee-lab", "name": "rss-magnitude"},
              "inputs": [{"namespace": "onlabel", "name": "fastmri-knee-multicoil"}],
              "outputs": [{"namespace": "s3://knee-lab", "name": "derived/knee-rss-magnitude"}]
            }""";

    private OpenLineageExamples() {
    }
}
