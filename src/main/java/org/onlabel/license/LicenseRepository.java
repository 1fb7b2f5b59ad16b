package org.onlabel.license;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class LicenseRepository {
    /** A stored license with its revision (the ETag). */
    public record Row(LicenseRecord license, long revision) {
    }

    private static final String COLUMNS = "id, name, commercial_use, derivatives, share_alike, attribution, note, updated_at, revision";

    private final EntityManager em;

    public LicenseRepository(EntityManager em) {
        this.em = em;
    }

    public List<Row> all() {
        List<Row> rows = new ArrayList<>();
        for (Object r : em.createNativeQuery("SELECT " + COLUMNS + " FROM license ORDER BY lower(id)").getResultList()) {
            rows.add(row((Object[]) r));
        }
        return rows;
    }

    public Optional<Row> find(String id) {
        List<?> found = em.createNativeQuery("SELECT " + COLUMNS + " FROM license WHERE lower(id) = lower(:id)")
                .setParameter("id", id).getResultList();
        return found.stream().findFirst().map(r -> row((Object[]) r));
    }

    /** Adds a license unless one with this id exists; true when added. */
    public boolean insertIfAbsent(String id, LicenseRecord.Update u) {
        return em.createNativeQuery("""
                INSERT INTO license (id, name, commercial_use, derivatives, share_alike, attribution, note, updated_at)
                VALUES (:id, :name, :c, :d, :s, :a, :note, :now) ON CONFLICT DO NOTHING""")
                .setParameter("id", id).setParameter("name", u.name()).setParameter("c", u.commercialUse())
                .setParameter("d", u.derivatives()).setParameter("s", u.shareAlike()).setParameter("a", u.attribution())
                .setParameter("note", u.note()).setParameter("now", Instant.now()).executeUpdate() == 1;
    }

    /** Replaces a license if it is still at the given revision; false when someone changed it first. */
    public boolean update(String id, long revision, LicenseRecord.Update u) {
        return em.createNativeQuery("""
                UPDATE license SET name = :name, commercial_use = :c, derivatives = :d, share_alike = :s,
                    attribution = :a, note = :note, updated_at = :now, revision = revision + 1
                WHERE lower(id) = lower(:id) AND revision = :rev""")
                .setParameter("id", id).setParameter("rev", revision).setParameter("name", u.name())
                .setParameter("c", u.commercialUse()).setParameter("d", u.derivatives()).setParameter("s", u.shareAlike())
                .setParameter("a", u.attribution()).setParameter("note", u.note()).setParameter("now", Instant.now())
                .executeUpdate() == 1;
    }

    private static Row row(Object[] c) {
        Instant updated = c[7] instanceof OffsetDateTime o ? o.toInstant() : (Instant) c[7];
        return new Row(new LicenseRecord((String) c[0], (String) c[1], (Boolean) c[2], (Boolean) c[3], (Boolean) c[4],
                (Boolean) c[5], (String) c[6], updated), ((Number) c[8]).longValue());
    }
}
