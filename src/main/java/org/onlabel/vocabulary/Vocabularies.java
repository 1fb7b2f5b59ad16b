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
    public static final String DISEASES = "diseases";

    private static final List<String> REQUIRED = List.of(TASKS, PREPROCESSING_STEPS, MODALITIES,
            DEIDENTIFICATION_METHODS, DUO_CODES, LICENSES, REPRESENTATION_DOMAINS, COIL_CONFIGURATIONS,
            COMPRESSION_KINDS, DATASET_STATUSES, VISIBILITIES);

    private final Map<String, Vocabulary> byName;
    private final DiseaseOntology diseases;

    private Vocabularies(Map<String, Vocabulary> byName, DiseaseOntology diseases) {
        this.byName = byName;
        this.diseases = diseases;
    }

    private record Document(String description, List<Term> terms) {
    }

    private record DiseaseDocument(String description, Map<String, Object> source, List<DiseaseTerm> terms) {
    }

    /** The vocabularies of {@code json} and the disease vocabulary of {@code diseasesJson}. */
    public static Vocabularies read(InputStream json, InputStream diseasesJson, ObjectMapper mapper) {
        Vocabularies plain = read(json, mapper);
        try {
            DiseaseDocument doc = mapper.readValue(diseasesJson, DiseaseDocument.class);
            return new Vocabularies(plain.byName, new DiseaseOntology(doc.description(),
                    doc.source() == null ? Map.of() : doc.source(), doc.terms() == null ? List.of() : doc.terms()));
        } catch (IOException e) {
            throw new UncheckedIOException("Disease vocabulary file is not valid JSON", e);
        }
    }

    /** The vocabularies of {@code json}, without diseases. */
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
            return new Vocabularies(Map.copyOf(byName), DiseaseOntology.EMPTY);
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

    /** The disease vocabulary (a MONDO subset with its is-a closure). */
    public DiseaseOntology diseases() {
        return diseases;
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}
