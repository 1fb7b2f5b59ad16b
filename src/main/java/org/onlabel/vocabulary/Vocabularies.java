package org.onlabel.vocabulary;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The controlled vocabularies the catalog validates against, read from one JSON document. */
public final class Vocabularies {
    public static final String TASKS = "tasks";
    public static final String PREPROCESSING_STEPS = "preprocessing-steps";
    public static final String MODALITIES = "modalities";
    public static final String DEIDENTIFICATION_METHODS = "deidentification-methods";
    public static final String DUO_CODES = "duo-codes";
    public static final String LICENSES = "licenses";
    public static final String REPRESENTATION_DOMAINS = "representation-domains";
    public static final String COIL_CONFIGURATIONS = "coil-configurations";
    public static final String COMPRESSION_KINDS = "compression-kinds";
    public static final String DATASET_STATUSES = "dataset-statuses";
    public static final String VISIBILITIES = "visibilities";

    private static final List<String> REQUIRED = List.of(TASKS, PREPROCESSING_STEPS, MODALITIES,
            DEIDENTIFICATION_METHODS, DUO_CODES, LICENSES, REPRESENTATION_DOMAINS, COIL_CONFIGURATIONS,
            COMPRESSION_KINDS, DATASET_STATUSES, VISIBILITIES);

    private final Map<String, Vocabulary> byName;

    private Vocabularies(Map<String, Vocabulary> byName) {
        this.byName = byName;
    }

    private record Document(String description, List<Term> terms) {
    }

    public static Vocabularies read(InputStream json, ObjectMapper mapper) {
        try {
            Map<String, Document> docs = mapper.readValue(json, new TypeReference<LinkedHashMap<String, Document>>() { });
            Map<String, Vocabulary> byName = new LinkedHashMap<>();
            docs.forEach((name, doc) -> byName.put(name, new Vocabulary(name, doc.description(),
                    doc.terms() == null ? List.of() : doc.terms())));
            List<String> missing = new ArrayList<>(REQUIRED);
            missing.removeAll(byName.keySet());
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Vocabulary file lacks " + missing);
            }
            return new Vocabularies(Map.copyOf(byName));
        } catch (IOException e) {
            throw new UncheckedIOException("Vocabulary file is not valid JSON", e);
        }
    }

    public Optional<Vocabulary> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Vocabulary require(String name) {
        return get(name).orElseThrow(() -> new IllegalArgumentException("no vocabulary " + name));
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}
