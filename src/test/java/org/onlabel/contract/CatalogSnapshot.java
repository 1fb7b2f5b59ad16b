package org.onlabel.contract;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A digest of everything the service stores: every row of every table of the schema (Flyway's history and the
 * background-recomputed verdict cache aside), so that "a failed request changed nothing" can be checked for tables
 * added later too.
 */
final class CatalogSnapshot {
    /**
     * Stored verdicts are a cache the worker recomputes in the background at any time, so they are left out; what a
     * request can do to them is mark them stale, which changes marked_at, and that is compared.
     */
    private static final java.util.Set<String> DERIVED = java.util.Set.of("dataset_verdict");
    private static final java.util.Map<String, String> PROJECTED = java.util.Map.of(
            "dataset_verdict_state", "SELECT dataset_id, marked_at FROM dataset_verdict_state");

    private final DataSource dataSource;
    private String query;

    CatalogSnapshot(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    String take() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (query == null) {
                List<String> parts = new ArrayList<>();
                try (ResultSet tables = s.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                        + "AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
                    while (tables.next()) {
                        String t = tables.getString(1);
                        if (DERIVED.contains(t)) {
                            continue;
                        }
                        String rows = PROJECTED.containsKey(t) ? "(" + PROJECTED.get(t) + ")" : t;
                        parts.add("'" + t + "=' || (SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "
                                + rows + " x)");
                    }
                }
                query = "SELECT " + String.join(" || ' ' || ", parts);
            }
            try (ResultSet r = s.executeQuery(query)) {
                r.next();
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
