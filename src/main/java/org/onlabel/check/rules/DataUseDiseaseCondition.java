package org.onlabel.check.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lineageDataUseDisease: DS} — a registered node restricts use to research on a disease (DUO DS) and the
 * purpose studies another disease. Diseases of the disease vocabulary match through its is-a closure: DS glioma allows
 * research on glioblastoma, a kind of glioma. Terms outside the vocabulary (facts built without it) compare as text.
 * An unstated purpose disease, a DS without disease term, or a DS term outside the vocabulary against a purpose inside
 * it is unknown.
 */
record DataUseDiseaseCondition(String code) implements Condition {
    @Override
    public Outcome evaluate(EvaluationContext context) {
        Facts.Purpose purpose = context.purpose();
        String purposeDisease = purpose.disease();
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
                        + (isBlank(use.disease()) ? "a disease that is not recorded" : name(use))
                        + " under DUO code " + DuoCodes.label(code);
                Evidence where = Evidence.atNode(node, restriction);
                if (isBlank(use.disease())) {
                    missing.add(new MissingFact(FactKind.OTHER, "the disease term of " + DuoCodes.label(code)
                            + " on " + node.key(), where));
                } else if (isBlank(purposeDisease)) {
                    missing.add(new MissingFact(FactKind.OTHER,
                            "the disease the study is about, needed because " + restriction + ",", where));
                } else if (use.term() != null && purpose.diseaseTerm() != null) {
                    if (!purpose.diseaseTerm().isA(use.term())) {
                        matches.add(Evidence.atNode(node, restriction + ", but the purpose is research on "
                                + purpose.diseaseTerm().display() + ", which is neither " + use.term().label()
                                + " nor a kind of it"));
                    }
                } else if (use.term() == null && purpose.diseaseTerm() != null) {
                    missing.add(new MissingFact(FactKind.OTHER, "whether " + purpose.diseaseTerm().display()
                            + " falls under '" + use.disease().trim() + "', a term outside the disease vocabulary, "
                            + "needed because " + restriction + ",", where));
                } else if (!sameText(use, purposeDisease)) {
                    matches.add(Evidence.atNode(node,
                            restriction + ", but the purpose is research on " + purposeDisease.trim()));
                }
            }
        }
        return Outcome.ofAny(matches, missing);
    }

    private static String name(Facts.DataUse use) {
        return use.term() == null ? use.disease().trim() : use.term().display();
    }

    private static boolean sameText(Facts.DataUse use, String purposeDisease) {
        String wanted = purposeDisease.trim().toLowerCase(Locale.ROOT);
        return use.disease().trim().toLowerCase(Locale.ROOT).equals(wanted) || use.term() != null
                && (use.term().label().toLowerCase(Locale.ROOT).equals(wanted)
                        || use.term().id().toLowerCase(Locale.ROOT).equals(wanted));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
