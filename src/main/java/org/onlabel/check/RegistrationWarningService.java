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

    /**
     * The full outcome of each declared use that can warn (OFF_LABEL or UNKNOWN): the verdict alone first, which
     * writes no messages, so a use that warns about nothing costs no rendering of paths and titles.
     */
    private Map<String, CheckOutcome> warningOutcomes(Facts.Dataset subject) {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        for (String task : new LinkedHashSet<>(subject.intendedUses())) {
            Verdict verdict = engine.verdictAlone(task, subject);
            if (verdict == Verdict.OFF_LABEL || verdict == Verdict.UNKNOWN) {
                outcomes.put(task, engine.evaluateAlone(task, subject));
            }
        }
        return outcomes;
    }

    /**
     * Every task's outcome, for a dataset without intended uses. Its missing-facts warnings are those common to
     * every task, so a single task with no unknown finding (ON_LABEL or CAUTION) leaves only the warning that no use
     * is declared: then that task's outcome alone says as much as all of them.
     */
    private Map<String, CheckOutcome> everyTaskOutcome(Facts.Dataset subject) {
        List<String> tasks = vocabularies.require(Vocabularies.TASKS).ids();
        for (String task : tasks) {
            Verdict verdict = engine.verdictAlone(task, subject);
            if (verdict == Verdict.ON_LABEL || verdict == Verdict.CAUTION) {
                return Map.of(task, engine.evaluateAlone(task, subject));
            }
        }
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        for (String task : tasks) {
            outcomes.putIfAbsent(task, engine.evaluateAlone(task, subject));
        }
        return outcomes;
    }
}
