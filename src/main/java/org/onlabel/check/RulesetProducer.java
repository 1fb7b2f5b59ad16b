package org.onlabel.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.onlabel.check.rules.RuleEngine;
import org.onlabel.check.rules.Ruleset;
import org.onlabel.check.rules.RulesetLoader;
import org.onlabel.vocabulary.Vocabularies;

/** Loads the shipped ruleset when the service starts: a bad rule stops the start, with a message naming it. */
@ApplicationScoped
public class RulesetProducer {
    static final String RESOURCE = "rules/ruleset.yaml";

    @Produces
    @jakarta.inject.Singleton
    Ruleset ruleset() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return RulesetLoader.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Produces
    @jakarta.inject.Singleton
    RuleEngine engine(Ruleset ruleset, Vocabularies vocabularies) {
        Set<String> knownSteps = new HashSet<>(vocabularies.require(Vocabularies.PREPROCESSING_STEPS).ids());
        return new RuleEngine(ruleset, knownSteps);
    }
}
