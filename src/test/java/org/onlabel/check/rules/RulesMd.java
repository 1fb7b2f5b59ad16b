package org.onlabel.check.rules;

import java.util.List;

/** The rule ids of the starting rules document (rules.md, in the project's design notes), which must stay stable. */
final class RulesMd {
    static final List<String> IDS = List.of(
            "recon.requires-raw-kspace", "recon.synthetic-kspace", "recon.zero-padding", "recon.lossy-compression",
            "recon.magnitude-only", "recon.pi-filled-reference", "recon.coil-processing",
            "recon.partial-fourier-fill", "sr.lossy-compression", "sr.zero-padding", "sr.synthetic-lowres",
            "denoise.lossy-compression", "denoise.already-denoised", "denoise.magnitude-noise",
            "seg.preprocessed-inputs", "seg.derived-labels", "cls.degraded-images", "reg.already-registered",
            "syn.processed-pairs",
            "any.contraindicated", "any.retracted-ancestor", "any.train-test-overlap", "any.not-intended",
            "any.deprecated", "any.unregistered-ancestor", "any.unknown-representation", "cohort.single-vendor",
            "license.noncommercial", "use.methods-research-prohibited", "use.disease-specific",
            "use.requires-approval", "license.no-derivatives", "license.share-alike",
            "license.noncommercial-dropped", "license.unknown");

    private RulesMd() {
    }
}
