package org.onlabel.common.db;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stops the embedded PostgreSQL as part of Quarkus' own shutdown: Quarkus first stops taking requests and waits
 * for the running ones ({@code quarkus.shutdown.timeout}), then fires this event, so no answered request loses its
 * connection. Observed last so that other shutdown observers may still use the database.
 */
@ApplicationScoped
public class EmbeddedDatabaseLifecycle {

    void stopDatabase(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedDatabase.current().ifPresent(EmbeddedDatabase::close);
    }
}
