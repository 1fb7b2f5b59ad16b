package org.onlabel.check.rules;

import java.util.Set;

/**
 * {@code modality: [codes]} or {@code modality: {anyOf | noneOf: [codes], ifMissing}} — the checked data are (anyOf)
 * or are not (noneOf) of these DICOM modalities: the dataset's own modalities, or when it records none, its
 * ancestors' (see {@link Facts.Dataset#modalities()}). When no modality is recorded anywhere the outcome is
 * {@code ifMissing}: unknown (default), match or noMatch.
 */
record ModalityCondition(Set<String> codes, boolean none, Outcome.Truth ifMissing) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        Set<String> modalities = context.dataset().modalities();
        if (modalities.isEmpty()) {
            switch (ifMissing) {
                case MATCH:
                    return Outcome.match(Evidence.about(context.dataset(), "no modality recorded"));
                case NO_MATCH:
                    return Outcome.NO_MATCH;
                default:
                    return Outcome.unknown(new MissingFact(FactKind.OTHER, "the modality of "
                            + context.dataset().key(), Evidence.about(context.dataset(), "")));
            }
        }
        boolean any = modalities.stream().anyMatch(codes::contains);
        if (any != none) {
            return Outcome.match(Evidence.about(context.dataset(), "modality " + String.join(", ", modalities)));
        }
        return Outcome.NO_MATCH;
    }
}
