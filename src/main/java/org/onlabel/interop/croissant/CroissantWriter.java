package org.onlabel.interop.croissant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.onlabel.check.Label;
import org.onlabel.check.rules.Finding;
import org.onlabel.dataset.DatasetResponse;
import org.onlabel.interop.DatasetDossier;
import org.onlabel.interop.LicenseLinks;
import org.onlabel.provenance.HistoryEntry;

/**
 * A dataset as a schema.org Dataset in JSON-LD that conforms to Croissant 1.0 and its Responsible AI vocabulary
 * (RAI 1.0). The context is written into the document itself, so that a JSON-LD processor needs nothing from the
 * network to expand it. What OnLabel knows fills the RAI properties: the effective preprocessing history, the
 * intended uses, the contraindications and standing violations, the de-identification methods, and the parents.
 */
public final class CroissantWriter {
    public static final String CROISSANT = "http://mlcommons.org/croissant/1.0";
    public static final String RAI = "http://mlcommons.org/croissant/RAI/1.0";
    public static final String MEDIA_TYPE = "application/ld+json";

    private final Function<String, String> datasetUrl;

    public CroissantWriter(Function<String, String> datasetUrl) {
        this.datasetUrl = datasetUrl;
    }

    /** The prefixes and terms of Croissant 1.0 that this export uses. */
    static Map<String, Object> context() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("@language", "en");
        c.put("@vocab", "https://schema.org/");
        c.put("sc", "https://schema.org/");
        c.put("cr", "http://mlcommons.org/croissant/");
        c.put("rai", "http://mlcommons.org/croissant/RAI/");
        c.put("dct", "http://purl.org/dc/terms/");
        c.put("prov", "http://www.w3.org/ns/prov#");
        c.put("conformsTo", "dct:conformsTo");
        c.put("citeAs", "cr:citeAs");
        return c;
    }

    public Map<String, Object> write(DatasetDossier dossier, String citation) {
        DatasetResponse d = dossier.dataset();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", context());
        doc.put("@type", "sc:Dataset");
        doc.put("@id", datasetUrl.apply(d.key()));
        doc.put("conformsTo", List.of(CROISSANT, RAI));
        doc.put("name", d.title());
        doc.put("description", d.description() != null && !d.description().isBlank() ? d.description() : d.title());
        doc.put("url", d.homepage() != null ? d.homepage() : datasetUrl.apply(d.key()));
        if (d.doi() != null) {
            doc.put("identifier", "https://doi.org/" + d.doi());
        }
        List<String> licenses = LicenseLinks.of(d.license()).stream().map(l -> l.url() != null ? l.url() : l.id()).toList();
        if (!licenses.isEmpty()) {
            doc.put("license", licenses);
        }
        if (d.publisher() != null) {
            doc.put("creator", Map.of("@type", "sc:Organization", "name", d.publisher()));
        }
        if (d.version() != null) {
            doc.put("version", d.version());
        }
        List<String> keywords = new ArrayList<>(d.modalities());
        keywords.addAll(d.anatomy());
        doc.put("keywords", keywords);
        doc.put("citeAs", citation);
        doc.put("rai:dataPreprocessingProtocol", dossier.history().steps().stream().map(CroissantWriter::step).toList());
        doc.put("rai:dataUseCases", d.intendedUses().stream()
                .map(u -> u.note() == null ? u.task() : u.task() + ": " + u.note()).toList());
        doc.put("rai:dataLimitations", limitations(dossier.label()));
        doc.put("rai:personalSensitiveInformation", d.deidentification().isEmpty()
                ? List.of("De-identification is not recorded in OnLabel")
                : d.deidentification().stream().map(code -> "De-identified (DICOM CID 7050): " + code).toList());
        // only the parents the caller may see: an embargoed parent is not named
        List<Map<String, Object>> parents = new ArrayList<>();
        dossier.parents().forEach(p -> parents.add(Map.of("@id",
                p.doi() != null ? "https://doi.org/" + p.doi() : datasetUrl.apply(p.key()))));
        if (!parents.isEmpty()) {
            doc.put("prov:wasDerivedFrom", parents);
        }
        return doc;
    }

    private static String step(HistoryEntry s) {
        String where = s.dataset() + ", step " + (s.index() + 1);
        String params = s.parameters().isEmpty() ? "" : " " + s.parameters();
        return s.step() + params + " (" + where + ")" + (s.description() == null ? "" : ": " + s.description());
    }

    private static List<String> limitations(Label label) {
        List<String> out = new ArrayList<>();
        for (Label.InheritedContraindication c : label.contraindications()) {
            out.add("Not for " + c.task() + (c.reason() == null ? "" : ": " + c.reason())
                    + (c.origin().equals(label.dataset()) ? "" : " (declared by " + c.origin() + ")"));
        }
        for (Finding f : label.standingViolations()) {
            out.add(f.rule() + ": " + f.message());
        }
        return out;
    }
}
