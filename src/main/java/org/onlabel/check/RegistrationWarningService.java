package org.onlabel.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onlabel.check.rules.CheckOutcome;
import org.onlabel.check.rules.Facts;
import org.onlabel.check.rules.RuleEngine;
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
        boolean declared = !subject.intendedUses().isEmpty();
        List<String> tasks = declared ? subject.intendedUses() : vocabularies.require(Vocabularies.TASKS).ids();
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        for (String task : tasks) {
            outcomes.putIfAbsent(task, engine.evaluateAlone(task, subject));
        }
        return declared ? RegistrationWarnings.forIntendedUses(key, outcomes)
                : RegistrationWarnings.withoutIntendedUses(key, outcomes);
    }
}
