package org.onlabel.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The attribute table the rules read is kept in memory, checked against the license table's revision on every
 * read. Writes here go straight to SQL, as another replica's (or an operator's) would: the service hears of them
 * only through the revision.
 */
@QuarkusTest
class LicenseTableCacheTest {
    @Inject
    LicenseService licenses;
    @Inject
    EntityManager em;

    @Test
    void aWriteByAnotherReplicaIsSeenOnTheNextRead() {
        String id = "LicenseRef-cache-" + UUID.randomUUID();
        assertThat(licenses.table().find(id)).isEmpty();
        LicenseAttributeTable before = licenses.table();
        assertThat(licenses.table()).as("unchanged table: the kept one").isSameAs(before);

        sql("INSERT INTO license (id, name, commercial_use, updated_at) VALUES ('" + id + "', 'cache test', true, now())");
        assertThat(licenses.table().find(id)).map(LicenseAttributes::commercialUse).contains(true);

        sql("UPDATE license SET commercial_use = false WHERE id = '" + id + "'");
        assertThat(licenses.table().find(id)).map(LicenseAttributes::commercialUse).contains(false);

        sql("DELETE FROM license WHERE id = '" + id + "'");
        assertThat(licenses.table().find(id)).isEmpty();
    }

    @Test
    void aRolledBackWriteIsNeverKeptAfterIt() {
        String id = "LicenseRef-cache-rb-" + UUID.randomUUID();
        sql("INSERT INTO license (id, name, commercial_use, updated_at) VALUES ('" + id + "', 'cache test', true, now())");
        assertThat(licenses.table().find(id)).map(LicenseAttributes::commercialUse).contains(true);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE license SET commercial_use = false WHERE id = '" + id + "'").executeUpdate();
            assertThat(licenses.table().find(id)).as("its own transaction sees the write")
                    .map(LicenseAttributes::commercialUse).contains(false);
            throw new IllegalStateException("rolled back");
        })).hasMessageContaining("rolled back");

        // A committed write right after the rolled-back one, with no read between: it gets a revision of its own,
        // so the table kept from inside the rolled-back transaction cannot pass for it.
        sql("UPDATE license SET derivatives = false WHERE id = '" + id + "'");
        LicenseAttributes after = licenses.table().find(id).orElseThrow();
        assertThat(after.commercialUse()).as("the rolled-back write is gone").isTrue();
        assertThat(after.derivatives()).as("the committed write is there").isFalse();
        sql("DELETE FROM license WHERE id = '" + id + "'");
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
