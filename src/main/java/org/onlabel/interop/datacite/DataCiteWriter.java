package org.onlabel.interop.datacite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.onlabel.dataset.DatasetResponse;
import org.onlabel.interop.DatasetDossier;
import org.onlabel.interop.LicenseLinks;
import org.onlabel.publication.PublicationService;

/**
 * A dataset as a DataCite metadata record (schema 4.5, the JSON of the DataCite REST API: {@code data.attributes}).
 * Mandatory properties are always present: an unknown publisher is DataCite's {@code (:unav)}, and without a
 * describing paper the publication year is the year the dataset was registered here.
 */
public final class DataCiteWriter {
    public static final String SCHEMA_VERSION = "http://datacite.org/schema/kernel-4";
    static final String UNAVAILABLE = "(:unav)";

    private final Function<String, String> datasetUrl;

    /** {@code datasetUrl} gives this service's URL of a dataset key (the identifier of a dataset without a DOI). */
    public DataCiteWriter(Function<String, String> datasetUrl) {
        this.datasetUrl = datasetUrl;
    }

    public Map<String, Object> write(DatasetDossier dossier) {
        DatasetResponse d = dossier.dataset();
        Map<String, Object> a = new LinkedHashMap<>();
        if (d.doi() != null) {
            a.put("doi", d.doi().toLowerCase(java.util.Locale.ROOT));
        }
        a.put("identifiers", List.of(d.doi() != null
                ? Map.of("identifier", "https://doi.org/" + d.doi(), "identifierType", "DOI")
                : Map.of("identifier", datasetUrl.apply(d.key()), "identifierType", "URL")));
        String publisher = d.publisher() == null || d.publisher().isBlank() ? UNAVAILABLE : d.publisher();
        a.put("creators", List.of(Map.of("name", publisher, "nameType", "Organizational")));
        a.put("titles", List.of(Map.of("title", d.title())));
        a.put("publisher", Map.of("name", publisher));
        a.put("publicationYear", String.valueOf(publicationYear(dossier)));
        a.put("types", Map.of("resourceTypeGeneral", "Dataset", "resourceType", "Medical imaging dataset"));
        List<Map<String, Object>> subjects = new ArrayList<>();
        d.modalities().forEach(m -> subjects.add(Map.of("subject", m, "subjectScheme", "DICOM modality (CID 29)",
                "schemeUri", "https://dicom.nema.org/medical/dicom/current/output/chtml/part16/sect_CID_29.html")));
        d.anatomy().forEach(x -> subjects.add(Map.of("subject", x, "subjectScheme", "anatomy")));
        d.intendedUses().forEach(u -> subjects.add(Map.of("subject", u.task(), "subjectScheme", "OnLabel tasks")));
        a.put("subjects", subjects);
        List<Map<String, Object>> rights = new ArrayList<>();
        for (LicenseLinks.Link l : LicenseLinks.of(d.license())) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rights", l.id());
            if (l.url() != null) {
                r.put("rightsUri", l.url());
                r.put("rightsIdentifier", l.id());
                r.put("rightsIdentifierScheme", "SPDX");
                r.put("schemeUri", "https://spdx.org/licenses/");
            }
            rights.add(r);
        }
        a.put("rightsList", rights);
        List<Map<String, Object>> descriptions = new ArrayList<>();
        if (d.description() != null && !d.description().isBlank()) {
            descriptions.add(Map.of("description", d.description(), "descriptionType", "Abstract"));
        }
        if (!dossier.history().steps().isEmpty()) {
            descriptions.add(Map.of("description", "Preprocessing history, from the sources to this dataset: "
                    + String.join("; ", dossier.history().steps().stream().map(s -> s.step() + " (" + s.dataset() + ")").toList()),
                    "descriptionType", "Methods"));
        }
        a.put("descriptions", descriptions);
        a.put("relatedIdentifiers", related(dossier));
        if (d.version() != null) {
            a.put("version", d.version());
        }
        a.put("url", d.homepage() != null ? d.homepage() : datasetUrl.apply(d.key()));
        a.put("schemaVersion", SCHEMA_VERSION);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "dois");
        if (d.doi() != null) {
            data.put("id", d.doi().toLowerCase(java.util.Locale.ROOT));
        }
        data.put("attributes", a);
        return Map.of("data", data);
    }

    private List<Map<String, Object>> related(DatasetDossier dossier) {
        List<Map<String, Object>> out = new ArrayList<>();
        dossier.parents().forEach(p -> out.add(relatedDataset(p, "IsDerivedFrom")));
        dossier.children().forEach(c -> out.add(relatedDataset(c, "IsSourceOf")));
        for (PublicationService.LinkedPublication lp : dossier.publications()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("relatedIdentifier", lp.publication().doi());
            r.put("relatedIdentifierType", "DOI");
            r.put("relationType", lp.relation().dataciteFromDataset());
            r.put("resourceTypeGeneral", switch (lp.publication().type()) {
                case "preprint" -> "Preprint";
                case "data-resource", "article" -> "JournalArticle";
                default -> "Text";
            });
            out.add(r);
        }
        return out;
    }

    private Map<String, Object> relatedDataset(DatasetResponse other, String relation) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("relatedIdentifier", other.doi() != null ? other.doi() : datasetUrl.apply(other.key()));
        r.put("relatedIdentifierType", other.doi() != null ? "DOI" : "URL");
        r.put("relationType", relation);
        r.put("resourceTypeGeneral", "Dataset");
        return r;
    }

    static int publicationYear(DatasetDossier dossier) {
        return dossier.publications().stream()
                .filter(p -> p.relation() == org.onlabel.publication.Relation.IS_DESCRIBED_BY && p.publication().year() != null)
                .mapToInt(p -> p.publication().year()).min()
                .orElse(dossier.dataset().createdAt().atZone(java.time.ZoneOffset.UTC).getYear());
    }
}
