package org.onlabel.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.onlabel.common.error.ApiException;
import org.onlabel.common.error.FieldError;
import org.onlabel.common.http.PublicUrl;
import org.onlabel.common.security.Caller;
import org.onlabel.interop.citation.CitationWriter;
import org.onlabel.interop.croissant.CroissantWriter;
import org.onlabel.interop.datacite.DataCiteWriter;

/** A dataset's DataCite, Croissant and citation records, from one {@link DatasetDossier}. */
@ApplicationScoped
public class ExportService {
    public static final List<String> STYLES = List.of("bibtex", "ris", "csl-json");

    private final DossierService dossiers;
    private final PublicUrl publicUrl;
    private final ObjectMapper json;

    public ExportService(DossierService dossiers, PublicUrl publicUrl, ObjectMapper json) {
        this.dossiers = dossiers;
        this.publicUrl = publicUrl;
        this.json = json;
    }

    /** A record in one media type, serialised. */
    public record Document(String mediaType, String body) {
    }

    @Transactional
    public Map<String, Object> datacite(Caller caller, String key) {
        return new DataCiteWriter(urls()).write(dossiers.of(caller, key));
    }

    /** Serialised here: the JSON-LD media type is not one the JSON body writer is registered for. */
    @Transactional
    public Document croissant(Caller caller, String key) {
        DatasetDossier dossier = dossiers.of(caller, key);
        return new Document(CroissantWriter.MEDIA_TYPE,
                write(new CroissantWriter(urls()).write(dossier, new CitationWriter(urls()).bibtex(dossier))));
    }

    @Transactional
    public Document citation(Caller caller, String key, String style) {
        String chosen = style == null || style.isBlank() ? "bibtex" : style.strip().toLowerCase(java.util.Locale.ROOT);
        if (!STYLES.contains(chosen)) {
            throw ApiException.validation(List.of(new FieldError("style", "must be bibtex, ris or csl-json")));
        }
        DatasetDossier dossier = dossiers.of(caller, key);
        CitationWriter writer = new CitationWriter(urls());
        return switch (chosen) {
            case "ris" -> new Document(CitationWriter.RIS, writer.ris(dossier));
            case "csl-json" -> new Document(CitationWriter.CSL_JSON, write(writer.cslJson(dossier)));
            default -> new Document(CitationWriter.BIBTEX, writer.bibtex(dossier));
        };
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export could not be written as JSON", e);
        }
    }

    private Function<String, String> urls() {
        String base = publicUrl.resolve("/api/v1/datasets/").toString();
        return key -> base + key;
    }
}
