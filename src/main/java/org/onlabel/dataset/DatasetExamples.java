package org.onlabel.dataset;

/** Request examples for the OpenAPI document. */
final class DatasetExamples {
    static final String CREATE = """
            {
              "key": "knee-mri-raw-2026",
              "title": "Knee MRI raw multi-coil k-space, 2026 release",
              "description": "Fully sampled raw k-space of clinical knee MRI, for reconstruction research.",
              "version": "1.0",
              "publisher": "NYU Langone Health",
              "doi": "10.1148/ryai.2020190007",
              "homepage": "https://fastmri.med.nyu.edu/",
              "modalities": ["MR"],
              "anatomy": ["knee"],
              "formats": ["HDF5", "ISMRMRD"],
              "subjects": 1500,
              "cohort": {"sites": ["NYU Langone Health"], "vendors": ["Siemens"], "fieldStrengthsT": [1.5, 3.0],
                         "population": "adults referred for knee MRI"},
              "representation": {"domain": "kspace", "complex": true, "coils": "multi", "compression": "none", "bitDepth": 32},
              "deidentification": ["113100"],
              "license": "LicenseRef-fastMRI-DSA",
              "dataUse": [{"code": "NCU", "disease": null}],
              "intendedUses": [{"task": "mri-reconstruction", "note": "fully sampled reference"}],
              "contraindications": [{"task": "classification", "reason": "no diagnostic labels"}],
              "status": "active",
              "organization": "nyu",
              "visibility": "public"
            }""";

    private DatasetExamples() {
    }
}
