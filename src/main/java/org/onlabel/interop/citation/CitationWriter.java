package org.onlabel.interop.citation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.onlabel.dataset.DatasetResponse;
import org.onlabel.interop.DatasetDossier;
import org.onlabel.publication.PublicationResponse;
import org.onlabel.publication.PublicationService;
import org.onlabel.publication.Relation;

/**
 * What a paper that uses a dataset should cite: the dataset, every registered ancestor, and the papers that
 * describe each of them, with the acknowledgements each source asks for (its publisher's HowToAcknowledge text and
 * its license's attribution clause). Written as BibTeX, RIS or CSL-JSON.
 */
public final class CitationWriter {
    public static final String BIBTEX = "application/x-bibtex";
    public static final String RIS = "application/x-research-info-systems";
    public static final String CSL_JSON = "application/vnd.citationstyles.csl+json";

    private final Function<String, String> datasetUrl;

    public CitationWriter(Function<String, String> datasetUrl) {
        this.datasetUrl = datasetUrl;
    }

    /** One thing to cite: a dataset or a paper. */
    record Work(String id, boolean dataset, String title, List<String> authors, Integer year, String doi, String url,
            String container, String version, String note) {
    }

    List<Work> works(DatasetDossier dossier) {
        List<Work> out = new ArrayList<>();
        Set<String> papers = new LinkedHashSet<>();
        List<Work> paperWorks = new ArrayList<>();
        for (DatasetDossier.Source s : dossier.sources()) {
            DatasetResponse d = s.dataset();
            out.add(new Work("dataset:" + d.key(), true, d.title(),
                    d.publisher() == null ? List.of() : List.of(d.publisher()), year(s), d.doi(),
                    d.homepage() != null ? d.homepage() : datasetUrl.apply(d.key()), null, d.version(), acknowledgement(s)));
            for (PublicationService.LinkedPublication lp : s.publications()) {
                PublicationResponse p = lp.publication();
                if (lp.relation() == Relation.IS_DESCRIBED_BY && papers.add(p.doi())) {
                    paperWorks.add(new Work("doi:" + p.doi(), false, p.title(), p.authors(), p.year(), p.doi(), p.url(),
                            p.journal(), null, "Describes " + d.key()));
                }
            }
        }
        out.addAll(paperWorks);
        return out;
    }

    static String acknowledgement(DatasetDossier.Source s) {
        List<String> parts = new ArrayList<>();
        if (s.howToAcknowledge() != null) {
            parts.add(s.howToAcknowledge());
        }
        String license = s.dataset().license();
        if (license != null) {
            parts.add(Boolean.TRUE.equals(s.attributionRequired())
                    ? "Licensed under " + license + ", which requires attribution: credit " + s.dataset().title()
                    : "Licensed under " + license);
        }
        return parts.isEmpty() ? null : String.join(". ", parts);
    }

    private static Integer year(DatasetDossier.Source s) {
        return s.publications().stream().filter(p -> p.relation() == Relation.IS_DESCRIBED_BY && p.publication().year() != null)
                .map(p -> p.publication().year()).min(Integer::compare).orElse(null);
    }

    public String bibtex(DatasetDossier dossier) {
        StringBuilder out = new StringBuilder();
        for (Work w : works(dossier)) {
            out.append('@').append(w.dataset() ? "misc" : "article").append('{').append(bibKey(w.id())).append(",\n");
            field(out, "title", w.title());
            if (!w.authors().isEmpty()) {
                // an organization is one author: braces keep BibTeX from splitting it into first and last names
                rawField(out, "author", w.dataset() ? "{" + bibEscape(w.authors().get(0)) + "}"
                        : String.join(" and ", w.authors().stream().map(CitationWriter::bibEscape).toList()));
            }
            field(out, "journal", w.container());
            field(out, "year", w.year() == null ? null : String.valueOf(w.year()));
            field(out, "version", w.version());
            field(out, "doi", w.doi());
            field(out, "url", w.url());
            if (w.dataset()) {
                field(out, "howpublished", "Dataset");
            }
            field(out, "note", w.note());
            out.setLength(out.length() - 2);
            out.append("\n}\n\n");
        }
        return out.toString();
    }

    public String ris(DatasetDossier dossier) {
        StringBuilder out = new StringBuilder();
        for (Work w : works(dossier)) {
            ris(out, "TY", w.dataset() ? "DATA" : "JOUR");
            ris(out, "TI", w.title());
            w.authors().forEach(a -> ris(out, "AU", a));
            ris(out, "JO", w.container());
            ris(out, "PY", w.year() == null ? null : String.valueOf(w.year()));
            ris(out, "ET", w.version());
            ris(out, "DO", w.doi());
            ris(out, "UR", w.url());
            ris(out, "N1", w.note());
            out.append("ER  - \n\n");
        }
        return out.toString();
    }

    public List<Map<String, Object>> cslJson(DatasetDossier dossier) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Work w : works(dossier)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", w.id());
            item.put("type", w.dataset() ? "dataset" : "article-journal");
            item.put("title", w.title());
            if (!w.authors().isEmpty()) {
                item.put("author", w.authors().stream().map(a -> Map.of("literal", a)).toList());
            }
            if (w.container() != null) {
                item.put("container-title", w.container());
            }
            if (w.year() != null) {
                item.put("issued", Map.of("date-parts", List.of(List.of(w.year()))));
            }
            if (w.version() != null) {
                item.put("version", w.version());
            }
            if (w.doi() != null) {
                item.put("DOI", w.doi());
            }
            item.put("URL", w.url());
            if (w.note() != null) {
                item.put("note", w.note());
            }
            out.add(item);
        }
        return out;
    }

    private static void field(StringBuilder out, String name, String value) {
        rawField(out, name, value == null ? null : bibEscape(value));
    }

    private static void rawField(StringBuilder out, String name, String escaped) {
        if (escaped != null && !escaped.isBlank()) {
            out.append("  ").append(name).append(" = {").append(escaped).append("},\n");
        }
    }

    /** BibTeX's special characters escaped, braces dropped (an unbalanced brace would end the value). */
    static String bibEscape(String value) {
        return value.replace("\\", "").replace("{", "").replace("}", "")
                .replaceAll("([&%$#_])", "\\\\$1").replaceAll("\\s+", " ").strip();
    }

    private static String bibKey(String id) {
        return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9:._-]", "-");
    }

    private static void ris(StringBuilder out, String tag, String value) {
        if (value != null && !value.isBlank()) {
            out.append(tag).append("  - ").append(value.replaceAll("\\s+", " ").strip()).append('\n');
        }
    }
}
