package org.onlabel.dataset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onlabel.common.error.FieldError;
import org.onlabel.license.InvalidLicenseExpressionException;
import org.onlabel.license.LicenseExpression;
import org.onlabel.vocabulary.NearestTerms;
import org.onlabel.vocabulary.Vocabularies;
import org.onlabel.vocabulary.Vocabulary;

/**
 * Checks a dataset request against the controlled vocabularies and against itself (a task cannot be both
 * intended and contraindicated). Structural checks (sizes, patterns) are Bean Validation's job.
 */
public final class DatasetValidator {
    private static final java.util.regex.Pattern DOI = java.util.regex.Pattern.compile("^10\\.\\d{4,9}/\\S+$");
    private final Vocabularies vocabularies;

    public DatasetValidator(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    public List<FieldError> validate(DatasetRequest request) {
        List<FieldError> errors = new ArrayList<>();
        eachIn(request.modalities(), "modalities", Vocabularies.MODALITIES, errors);
        eachIn(request.deidentification(), "deidentification", Vocabularies.DEIDENTIFICATION_METHODS, errors);
        if (request.representation() != null) {
            Representation r = request.representation();
            oneIn(r.domain(), "representation.domain", Vocabularies.REPRESENTATION_DOMAINS, errors);
            oneIn(r.coils(), "representation.coils", Vocabularies.COIL_CONFIGURATIONS, errors);
            oneIn(r.compression(), "representation.compression", Vocabularies.COMPRESSION_KINDS, errors);
        }
        oneIn(request.status(), "status", Vocabularies.DATASET_STATUSES, errors);
        oneIn(request.visibility(), "visibility", Vocabularies.VISIBILITIES, errors);
        validateDataUse(request.dataUse(), errors);
        if (request.license() != null && !request.license().isBlank()) {
            try {
                LicenseExpression.parse(request.license());
            } catch (InvalidLicenseExpressionException e) {
                errors.add(new FieldError("license", e.getMessage()));
            }
        }
        String doi = DatasetMapper.normalizeDoi(request.doi());
        if (doi != null && !DOI.matcher(doi).matches()) {
            errors.add(new FieldError("doi", "must be a DOI such as 10.1148/ryai.2020190007"));
        }

        Set<String> intended = new HashSet<>();
        List<IntendedUse> uses = request.intendedUses() == null ? List.of() : request.intendedUses();
        for (int i = 0; i < uses.size(); i++) {
            String field = "intendedUses[" + i + "].task";
            if (oneIn(uses.get(i).task(), field, Vocabularies.TASKS, errors) && !intended.add(canonical(uses.get(i).task()))) {
                errors.add(new FieldError(field, "task is listed twice"));
            }
        }
        List<Contraindication> contra = request.contraindications() == null ? List.of() : request.contraindications();
        Set<String> contraindicated = new HashSet<>();
        for (int i = 0; i < contra.size(); i++) {
            String field = "contraindications[" + i + "].task";
            String task = contra.get(i).task();
            if (!oneIn(task, field, Vocabularies.TASKS, errors)) {
                continue;
            }
            if (!contraindicated.add(canonical(task))) {
                errors.add(new FieldError(field, "task is listed twice"));
            } else if (intended.contains(canonical(task))) {
                errors.add(new FieldError(field, "task is also an intended use; a task cannot be both"));
            }
        }
        return errors;
    }

    /** Filters naming vocabulary values must name known ones: a typo would otherwise silently match nothing. */
    public List<FieldError> validate(DatasetQuery query) {
        List<FieldError> errors = new ArrayList<>();
        query.modality().ifPresent(m -> oneIn(m, "modality", Vocabularies.MODALITIES, errors));
        query.task().ifPresent(t -> oneIn(t, "task", Vocabularies.TASKS, errors));
        query.fitFor().ifPresent(t -> oneIn(t, "fitFor", Vocabularies.TASKS, errors));
        query.status().ifPresent(s -> oneIn(s, "status", Vocabularies.DATASET_STATUSES, errors));
        return errors;
    }

    private void validateDataUse(List<DataUseCondition> conditions, List<FieldError> errors) {
        if (conditions == null) {
            return;
        }
        Vocabulary duo = vocabularies.require(Vocabularies.DUO_CODES);
        for (int i = 0; i < conditions.size(); i++) {
            DataUseCondition c = conditions.get(i);
            String field = "dataUse[" + i + "].code";
            var term = duo.find(c.code());
            if (c.code() == null) {
                continue;
            }
            if (term.isEmpty()) {
                errors.add(unknown(field, c.code(), Vocabularies.DUO_CODES));
            } else if (term.get().id().equals("DS") && (c.disease() == null || c.disease().isBlank())) {
                errors.add(new FieldError("dataUse[" + i + "].disease", "DS (disease-specific research) needs a disease term"));
            }
            if (c.disease() != null && !c.disease().isBlank()) {
                String diseaseField = "dataUse[" + i + "].disease";
                vocabularies.diseases().lookup(c.disease()).problem(c.disease())
                        .ifPresent(problem -> errors.add(new FieldError(diseaseField, problem)));
            }
        }
    }

    private void eachIn(List<String> values, String field, String vocabulary, List<FieldError> errors) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            oneIn(values.get(i), field + "[" + i + "]", vocabulary, errors);
        }
    }

    /** True when the value is absent or known; records an error and returns false otherwise. */
    private boolean oneIn(String value, String field, String vocabulary, List<FieldError> errors) {
        if (value == null) {
            return true;
        }
        if (vocabularies.require(vocabulary).find(value).isPresent()) {
            return true;
        }
        errors.add(unknown(field, value, vocabulary));
        return false;
    }

    private FieldError unknown(String field, String value, String vocabulary) {
        return new FieldError(field, NearestTerms.unknownValueMessage(value, vocabularies.require(vocabulary)));
    }

    /** The vocabulary's id of a task already validated (an id in any case, or a CURIE). */
    String taskId(String task) {
        return vocabularies.require(Vocabularies.TASKS).find(task).orElseThrow().id();
    }

    private static String canonical(String task) {
        return task.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
