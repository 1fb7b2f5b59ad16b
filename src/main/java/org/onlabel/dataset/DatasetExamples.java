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

    static final String READ = """
            {
              "key": "brats-2021", "title": "RSNA-ASNR-MICCAI Brain Tumor Segmentation Challenge 2021",
              "description": "Multi-parametric brain MRI of glioma patients with expert tumour labels...",
              "version": "2021", "publisher": "RSNA, ASNR and MICCAI", "doi": null, "homepage": null,
              "modalities": ["MR"], "anatomy": ["brain"], "formats": ["NIfTI"], "subjects": 2040,
              "cohort": {"sites": [], "vendors": [], "fieldStrengthsT": [], "population": "adults with glioma"},
              "representation": {"domain": "image", "complex": false, "coils": null, "compression": null, "bitDepth": null},
              "deidentification": [], "license": "CC-BY-4.0", "dataUse": [],
              "intendedUses": [{"task": "segmentation", "note": null}],
              "contraindications": [{"task": "mri-reconstruction", "reason": "magnitude-only, resampled, skull-stripped images"}],
              "status": "active", "organization": "rsna-asnr-miccai", "visibility": "public",
              "createdBy": "onlabel-reference-catalog", "createdAt": "2026-12-01T03:53:47.101Z", "updatedAt": "2026-12-01T03:53:47.101Z",
              "derivedFrom": [{"key": "tcga-gbm", "version": null}],
              "preprocessing": [
                {"step": "format-conversion", "parameters": {"from": "DICOM", "to": "NIfTI"}, "software": null, "description": null, "runId": null},
                {"step": "registration", "parameters": {"template": "SRI24", "type": "rigid"}, "software": null, "description": null, "runId": null},
                {"step": "resampling", "parameters": {"targetSpacingMm": 1.0}, "software": null, "description": null, "runId": null},
                {"step": "skull-stripping", "parameters": {}, "software": null, "description": null, "runId": null}],
              "registered": true, "openLineage": null, "extras": null, "statusReason": null, "supersededBy": null,
              "licenseConflicts": [],
              "publisherQuestions": []
            }""";

    private DatasetExamples() {
    }
}
