package org.onlabel.interop.bids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onlabel.license.InvalidLicenseExpressionException;
import org.onlabel.license.LicenseExpression;
import org.onlabel.provenance.PreprocessingStep;
import org.onlabel.provenance.Software;

/**
 * Reads a BIDS {@code dataset_description.json} into the facts OnLabel registers. Real files carry free-text
 * licenses, fields of the wrong type and fields of their own: whatever cannot be mapped is kept under
 * {@code extras.bids}, and nothing makes the import fail except a body that is not a JSON object.
 */
public final class BidsDescriptionMapper {
    /** Fields mapped to dataset fields; everything else is kept verbatim. */
    private static final Set<String> MAPPED = Set.of("Name", "License", "DatasetDOI", "GeneratedBy", "SourceDatasets");
    /** Licenses as BIDS files often write them. */
    private static final Map<String, String> LICENSE_ALIASES = Map.of(
            "cc0", "CC0-1.0", "cc-0", "CC0-1.0", "pd", "PDDL-1.0", "public domain", "PDDL-1.0",
            "cc-by", "CC-BY-4.0", "cc by 4.0", "CC-BY-4.0", "cc-by 4.0", "CC-BY-4.0");
    /** Tools whose work has a vocabulary step id. */
    private static final Map<String, String> KNOWN_TOOLS = Map.of(
            "dcm2niix", "format-conversion", "heudiconv", "format-conversion", "dcm2bids", "format-conversion",
            "pydeface", "defacing", "mri_deface", "defacing", "hd-bet", "skull-stripping", "bet", "skull-stripping",
            "n4biasfieldcorrection", "bias-field-correction");

    /** A source dataset named by DOI and/or URL. */
    public record Source(String doi, String url, String version) {
    }

    public record Mapped(String title, String license, String doi, String datasetType, List<PreprocessingStep> steps,
            List<Source> sources, Map<String, Object> extras) {
    }

    private final ObjectMapper mapper;

    public BidsDescriptionMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Mapped map(JsonNode description) {
        Map<String, Object> kept = new LinkedHashMap<>();
        description.fields().forEachRemaining(f -> {
            if (!MAPPED.contains(f.getKey())) {
                kept.put(f.getKey(), mapper.convertValue(f.getValue(), Object.class));
            }
        });
        String title = text(description, "Name");
        String license = null;
        String licenseText = text(description, "License");
        if (licenseText != null) {
            license = spdx(licenseText).orElse(null);
            if (license == null) {
                kept.put("License", licenseText);
            }
        }
        String doi = text(description, "DatasetDOI");
        if (doi != null && !doi.replaceFirst("(?i)^(doi:|https?://(dx\\.)?doi\\.org/)", "").matches("^10\\.\\d{4,9}/\\S+$")) {
            kept.put("DatasetDOI", doi);
            doi = null;
        }
        String datasetType = text(description, "DatasetType");
        List<PreprocessingStep> steps = steps(description.path("GeneratedBy"), kept);
        List<Source> sources = sources(description.path("SourceDatasets"), kept);
        Map<String, Object> extras = kept.isEmpty() ? Map.of() : Map.of("bids", kept);
        return new Mapped(title, license, doi, datasetType, steps, sources, extras);
    }

    private Optional<String> spdx(String text) {
        String candidate = LICENSE_ALIASES.getOrDefault(text.strip().toLowerCase(Locale.ROOT), text.strip());
        try {
            return Optional.of(LicenseExpression.parse(candidate).canonical());
        } catch (InvalidLicenseExpressionException | IllegalArgumentException notSpdx) {
            return Optional.empty();
        }
    }

    private List<PreprocessingStep> steps(JsonNode generatedBy, Map<String, Object> kept) {
        List<PreprocessingStep> steps = new ArrayList<>();
        if (generatedBy.isMissingNode()) {
            return steps;
        }
        if (!generatedBy.isArray()) {
            kept.put("GeneratedBy", mapper.convertValue(generatedBy, Object.class));
            return steps;
        }
        for (JsonNode g : generatedBy) {
            String name = text(g, "Name");
            if (name == null) {
                kept.computeIfAbsent("GeneratedByUnnamed", k -> new ArrayList<>());
                continue;
            }
            JsonNode container = g.path("Container");
            String image = container.isObject() ? Optional.ofNullable(text(container, "URI"))
                    .orElse(text(container, "Tag") == null ? null
                            : Optional.ofNullable(text(container, "Type")).map(t -> t + ":").orElse("") + text(container, "Tag"))
                    : null;
            Software software = new Software(name, text(g, "Version"), text(g, "CodeURL"), image);
            String step = KNOWN_TOOLS.getOrDefault(name.toLowerCase(Locale.ROOT), name);
            steps.add(new PreprocessingStep(step, Map.of(), software, text(g, "Description"), null));
        }
        return steps;
    }

    private List<Source> sources(JsonNode sourceDatasets, Map<String, Object> kept) {
        List<Source> sources = new ArrayList<>();
        if (sourceDatasets.isMissingNode()) {
            return sources;
        }
        if (!sourceDatasets.isArray()) {
            kept.put("SourceDatasets", mapper.convertValue(sourceDatasets, Object.class));
            return sources;
        }
        for (JsonNode s : sourceDatasets) {
            String doi = text(s, "DOI");
            String url = text(s, "URL");
            if (doi == null && url == null) {
                continue;
            }
            sources.add(new Source(doi, url, text(s, "Version")));
        }
        return sources;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
