package org.onlabel.license;

import jakarta.enterprise.context.ApplicationScoped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class LicenseRepository {
    /** A stored license with its revision (the ETag). */
    public record Row(LicenseRecord license, long revision, boolean shipped) {
    }

    private static final String COLUMNS = "id, name, commercial_use, derivatives, share_alike, attribution, note, updated_at, "
            + "revision, sources::text, shipped";
    private static final TypeReference<Map<String, AttributeSource>> SOURCES = new TypeReference<>() { };

    private final EntityManager em;
    private final ObjectMapper json;

    public LicenseRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public List<Row> all() {
        List<Row> rows = new ArrayList<>();
        for (Object r : em.createNativeQuery("SELECT " + COLUMNS + " FROM license ORDER BY lower(id)").getResultList()) {
            rows.add(row((Object[]) r));
        }
        return rows;
    }

    /** The license table's revision: it changes with every statement that writes the table, on any replica. */
    public long tableRevision() {
        return ((Number) em.createNativeQuery("SELECT revision FROM license_table_revision WHERE id = 1")
                .getSingleResult()).longValue();
    }

    /** Only what the rules read (no names, notes or sources to decode): the attributes of every license, by id. */
    public Map<String, LicenseAttributes> attributes() {
        Map<String, LicenseAttributes> byId = new java.util.LinkedHashMap<>();
        for (Object r : em.createNativeQuery(
                "SELECT id, commercial_use, derivatives, share_alike, attribution FROM license").getResultList()) {
            Object[] c = (Object[]) r;
            byId.put((String) c[0], new LicenseAttributes((Boolean) c[1], (Boolean) c[2], (Boolean) c[3], (Boolean) c[4]));
        }
        return byId;
    }

    public Optional<Row> find(String id) {
        List<?> found = em.createNativeQuery("SELECT " + COLUMNS + " FROM license WHERE lower(id) = lower(:id)")
                .setParameter("id", id).getResultList();
        return found.stream().findFirst().map(r -> row((Object[]) r));
    }

    /** Adds a license unless one with this id exists; true when added. {@code shipped}: seeded by the service. */
    public boolean insertIfAbsent(String id, LicenseRecord.Update u, boolean shipped) {
        return em.createNativeQuery("""
                INSERT INTO license (id, name, commercial_use, derivatives, share_alike, attribution, note, sources,
                    shipped, updated_at)
                VALUES (:id, :name, :c, :d, :s, :a, :note, CAST(:sources AS jsonb), :shipped, :now) ON CONFLICT DO NOTHING""")
                .setParameter("id", id).setParameter("name", u.name()).setParameter("c", u.commercialUse())
                .setParameter("d", u.derivatives()).setParameter("s", u.shareAlike()).setParameter("a", u.attribution())
                .setParameter("note", u.note()).setParameter("sources", write(u.sources()))
                .setParameter("shipped", shipped).setParameter("now", Instant.now()).executeUpdate() == 1;
    }

    /**
     * Replaces a license if it is still at the given revision; false when someone changed it first. An admin's edit
     * ({@code shipped} false) ends the service's refreshes of that row.
     */
    public boolean update(String id, long revision, LicenseRecord.Update u, boolean shipped) {
        return em.createNativeQuery("""
                UPDATE license SET name = :name, commercial_use = :c, derivatives = :d, share_alike = :s,
                    attribution = :a, note = :note, sources = CAST(:sources AS jsonb), shipped = :shipped,
                    updated_at = :now, revision = revision + 1
                WHERE lower(id) = lower(:id) AND revision = :rev""")
                .setParameter("id", id).setParameter("rev", revision).setParameter("name", u.name())
                .setParameter("c", u.commercialUse()).setParameter("d", u.derivatives()).setParameter("s", u.shareAlike())
                .setParameter("a", u.attribution()).setParameter("note", u.note())
                .setParameter("sources", write(u.sources())).setParameter("shipped", shipped)
                .setParameter("now", Instant.now()).executeUpdate() == 1;
    }

    private Row row(Object[] c) {
        Instant updated = c[7] instanceof OffsetDateTime o ? o.toInstant() : (Instant) c[7];
        return new Row(new LicenseRecord((String) c[0], (String) c[1], (Boolean) c[2], (Boolean) c[3], (Boolean) c[4],
                (Boolean) c[5], (String) c[6], read((String) c[9]), updated), ((Number) c[8]).longValue(),
                Boolean.TRUE.equals(c[10]));
    }

    private String write(Map<String, AttributeSource> sources) {
        try {
            return sources == null || sources.isEmpty() ? null : json.writeValueAsString(sources);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("License sources cannot be written as JSON", e);
        }
    }

    private Map<String, AttributeSource> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, SOURCES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored license sources are not valid JSON", e);
        }
    }
}
