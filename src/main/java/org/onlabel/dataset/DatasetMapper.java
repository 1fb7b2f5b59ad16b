package org.onlabel.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.onlabel.license.LicenseExpression;
import org.onlabel.provenance.Provenance;
import org.onlabel.vocabulary.DiseaseTerm;
import org.onlabel.vocabulary.Vocabularies;
import org.onlabel.vocabulary.Vocabulary;

/**
 * Copies between API records and the entity, writing vocabulary values in their canonical spelling (MR, not mr;
 * NCU, not DUO:0000046) so that filters and rules compare like with like. Assumes a validated request.
 */
public final class DatasetMapper {
    private final Vocabularies vocabularies;

    public DatasetMapper(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    public void apply(DatasetRequest r, Dataset d) {
        d.title = r.title().strip();
        d.description = r.description();
        d.version = r.version();
        d.publisher = r.publisher();
        d.doi = normalizeDoi(r.doi());
        d.homepage = r.homepage();
        d.modalities = canonicalAll(r.modalities(), Vocabularies.MODALITIES);
        d.anatomy = map(r.anatomy(), s -> s.strip().toLowerCase(Locale.ROOT));
        d.formats = map(r.formats(), String::strip);
        d.subjects = r.subjects();
        d.cohort = r.cohort();
        d.representation = r.representation() == null ? null : new Representation(
                canonical(r.representation().domain(), Vocabularies.REPRESENTATION_DOMAINS),
                r.representation().complex(),
                canonical(r.representation().coils(), Vocabularies.COIL_CONFIGURATIONS),
                canonical(r.representation().compression(), Vocabularies.COMPRESSION_KINDS),
                r.representation().bitDepth());
        d.deidentification = canonicalAll(r.deidentification(), Vocabularies.DEIDENTIFICATION_METHODS);
        d.license = r.license() == null || r.license().isBlank() ? null : LicenseExpression.parse(r.license()).canonical();
        d.dataUse = map(r.dataUse(), c -> new DataUseCondition(canonical(c.code(), Vocabularies.DUO_CODES), disease(c.disease())));
        d.intendedUses = map(r.intendedUses(), u -> new IntendedUse(canonical(u.task(), Vocabularies.TASKS), u.note()));
        d.contraindications = map(r.contraindications(),
                c -> new Contraindication(canonical(c.task(), Vocabularies.TASKS), c.reason()));
        d.status = r.status() == null ? "active" : canonical(r.status(), Vocabularies.DATASET_STATUSES);
        d.organization = r.organization();
        d.visibility = r.visibility() == null ? "public" : canonical(r.visibility(), Vocabularies.VISIBILITIES);
        d.extras = r.extras() == null || r.extras().isEmpty() ? null : r.extras();
    }

    /** A disease is stored as its MONDO id, whichever name the request used. */
    private String disease(String name) {
        return name == null || name.isBlank() ? null
                : vocabularies.diseases().find(name).map(DiseaseTerm::id).orElse(name.strip());
    }

    public static DatasetResponse toResponse(Dataset d, Provenance provenance) {
        return toResponse(d, provenance, List.of(), List.of());
    }

    public static DatasetResponse toResponse(Dataset d, Provenance provenance,
            List<DatasetResponse.LicenseConflictView> licenseConflicts,
            List<DatasetResponse.LicenseConflictView> publisherQuestions) {
        return new DatasetResponse(d.key, d.title, d.description, d.version, d.publisher, d.doi, d.homepage,
                List.copyOf(d.modalities), List.copyOf(d.anatomy), List.copyOf(d.formats), d.subjects, d.cohort,
                d.representation, List.copyOf(d.deidentification), d.license, List.copyOf(d.dataUse),
                List.copyOf(d.intendedUses), List.copyOf(d.contraindications), d.status, d.organization,
                d.visibility, d.createdBy, d.createdAt, d.updatedAt, provenance.derivedFrom(), provenance.preprocessing(),
                d.registered, d.lineageNamespace == null ? null
                        : new DatasetResponse.LineageIdentity(d.lineageNamespace, d.lineageName),
                d.extras, d.statusReason, d.supersededBy, licenseConflicts, publisherQuestions,
                provenance.partitionOf(), null, null);
    }

    /** {@code doi:10.1/x} and {@code https://doi.org/10.1/x} become {@code 10.1/x}. */
    static String normalizeDoi(String doi) {
        if (doi == null || doi.isBlank()) {
            return null;
        }
        String s = doi.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String prefix : List.of("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")) {
            if (lower.startsWith(prefix)) {
                return s.substring(prefix.length());
            }
        }
        return s;
    }

    private String canonical(String value, String vocabulary) {
        if (value == null) {
            return null;
        }
        Vocabulary v = vocabularies.require(vocabulary);
        return v.find(value).map(t -> t.id()).orElse(value);
    }

    private List<String> canonicalAll(List<String> values, String vocabulary) {
        return map(values, v -> canonical(v, vocabulary));
    }

    private static <T> List<T> map(List<T> values, UnaryOperator<T> f) {
        List<T> out = new ArrayList<>();
        if (values != null) {
            for (T v : values) {
                out.add(f.apply(v));
            }
        }
        return out;
    }
}
