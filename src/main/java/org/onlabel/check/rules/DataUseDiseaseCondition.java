package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code lineageDataUseDisease: DS} — a registered node restricts use to research on a disease (DUO DS) and the
 * purpose studies another disease. An unstated purpose disease or a DS without disease term is unknown.
 */
record DataUseDiseaseCondition(String code) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        String purposeDisease = context.purpose().disease();
        List<Evidence> matches = new ArrayList<>();
        List<MissingFact> missing = new ArrayList<>();
        for (Facts.Node node : context.dataset().lineage()) {
            if (!node.registered()) {
                continue;
            }
            for (Facts.DataUse use : node.dataUse()) {
                if (!DuoCodes.normalise(use.code()).equals(code)) {
                    continue;
                }
                String restriction = node.key() + " may only be used for research on "
                        + (isBlank(use.disease()) ? "a disease that is not recorded" : use.disease().trim())
                        + " under DUO code " + DuoCodes.label(code);
                Evidence where = Evidence.atNode(node, restriction);
                if (isBlank(use.disease())) {
                    missing.add(new MissingFact(FactKind.OTHER, "the disease term of " + DuoCodes.label(code)
                            + " on " + node.key(), where));
                } else if (isBlank(purposeDisease)) {
                    missing.add(new MissingFact(FactKind.OTHER,
                            "the disease the study is about, needed because " + restriction + ",", where));
                } else if (!use.disease().trim().equalsIgnoreCase(purposeDisease.trim())) {
                    matches.add(Evidence.atNode(node,
                            restriction + ", but the purpose is research on " + purposeDisease.trim()));
                }
            }
        }
        return Outcome.ofAny(matches, missing);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
