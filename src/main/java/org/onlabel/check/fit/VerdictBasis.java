package org.onlabel.check.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.onlabel.check.rules.Ruleset;
import org.onlabel.common.Hashing;
import org.onlabel.vocabulary.Vocabularies;

/**
 * What stored verdicts are computed with: the ruleset version and a digest of the vocabularies the service runs
 * with. A service starting with another basis than the stored one marks every verdict stale (the worker then
 * recomputes them, and lists recompute what they answer with meanwhile).
 */
@ApplicationScoped
public class VerdictBasis {
    private final VerdictStore store;
    private final String current;

    public VerdictBasis(VerdictStore store, Ruleset ruleset, Vocabularies vocabularies, ObjectMapper json) {
        this.store = store;
        this.current = ruleset.version() + "+" + digest(vocabularies, json);
    }

    public String current() {
        return current;
    }

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 950) StartupEvent event) {
        reconcile(current);
    }

    /**
     * Adopts a basis: when it is not the stored one, marks everything stale and stores it, in one transaction (the
     * basis row's lock keeps two starting replicas from doing it twice). True when it changed.
     */
    @Transactional
    public boolean reconcile(String basis) {
        if (store.lockBasis().filter(basis::equals).isPresent()) {
            return false;
        }
        store.markAllStale();
        store.storeBasis(basis);
        return true;
    }

    private static String digest(Vocabularies vocabularies, ObjectMapper json) {
        StringBuilder all = new StringBuilder();
        try {
            for (String name : vocabularies.names()) {
                all.append(json.writeValueAsString(vocabularies.require(name)));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Hashing.sha256(all.toString()).substring(0, 12);
    }
}
