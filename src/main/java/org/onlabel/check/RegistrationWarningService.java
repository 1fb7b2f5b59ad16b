package org.onlabel.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.Facts;
import org.onlabel.check.rules.RuleEngine;
import org.onlabel.check.rules.Verdict;
import org.onlabel.common.security.Caller;
import org.onlabel.common.security.Viewer;
import org.onlabel.dataset.RegistrationReview;
import org.onlabel.dataset.RegistrationWarning;
import org.onlabel.license.LicenseService;
import org.onlabel.vocabulary.Vocabularies;

/**
 * The warnings of a write: the declared intended uses checked exactly as the label checks them (role any, purpose
 * unstated), over one fact assembly seen as the writer sees it, in the writing transaction.
 */
@ApplicationScoped
public class RegistrationWarningService implements RegistrationReview {
    private final RuleEngine engine;
    private final FactsAssembler facts;
    private final LicenseService licenses;
    private final Vocabularies vocabularies;

    public RegistrationWarningService(RuleEngine engine, FactsAssembler facts, LicenseService licenses,
            Vocabularies vocabularies) {
        this.engine = engine;
        this.facts = facts;
        this.licenses = licenses;
        this.vocabularies = vocabularies;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RegistrationWarning> review(Caller caller, String key) {
        Facts.Dataset subject = facts.assemble(key, Viewer.of(caller), licenses.table());
        if (!subject.intendedUses().isEmpty()) {
            return RegistrationWarnings.forIntendedUses(key, warningOutcomes(subject));
        }
        return RegistrationWarnings.withoutIntendedUses(key, everyTaskOutcome(subject));
    }

    /** The outcome of each declared use that can warn (OFF_LABEL or UNKNOWN), with the quoted findings written. */
    private Map<String, CheckOutcome> warningOutcomes(Facts.Dataset subject) {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>(
                engine.outcomesAlone(List.copyOf(new LinkedHashSet<>(subject.intendedUses())), subject,
                        RegistrationWarnings::quoted));
        outcomes.values().removeIf(o -> o.verdict() != Verdict.OFF_LABEL && o.verdict() != Verdict.UNKNOWN);
        return outcomes;
    }

    /**
     * Every task's outcome, for a dataset without intended uses. Its missing-facts warnings are those common to
     * every task, so a single task with no unknown finding (ON_LABEL or CAUTION) leaves only the warning that no use
     * is declared: then that task's outcome alone says as much as all of them.
     */
    private Map<String, CheckOutcome> everyTaskOutcome(Facts.Dataset subject) {
        List<String> tasks = vocabularies.require(Vocabularies.TASKS).ids();
        List<Verdict> verdicts = engine.verdictsAlone(tasks, subject);
        for (int t = 0; t < tasks.size(); t++) {
            if (verdicts.get(t) == Verdict.ON_LABEL || verdicts.get(t) == Verdict.CAUTION) {
                return engine.outcomesAlone(List.of(tasks.get(t)), subject, RegistrationWarnings::quoted);
            }
        }
        return engine.outcomesAlone(tasks, subject, RegistrationWarnings::quoted);
    }
}
