package org.wcoecom.adapter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a row by its key: on PostgreSQL in one {@code INSERT ... ON CONFLICT DO UPDATE}, so that two
 * adapter nodes writing the same key at the same moment inside their transactions both succeed (the
 * second waits for the first and updates its row); elsewhere (one node) UPDATE, then INSERT when no
 * row was there, then UPDATE again when another connection inserted it meanwhile.
 */
public final class Rows {

    private Rows() {
    }

    /** Key and value columns in a stable order: use LinkedHashMaps. */
    public static void put(Connection c, String table, Map<String, Object> key, Map<String, Object> values) throws SQLException {
        if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            upsert(c, table, key, values);
            return;
        }
        if (update(c, table, key, values) > 0) {
            return;
        }
        try {
            insert(c, table, key, values);
        } catch (SQLException e) {
            if (!isDuplicateKey(e) || !c.getAutoCommit()) {
                throw e;
            }
            update(c, table, key, values);
        }
    }

    /** Deletes a table's rows whose time column is before the given time; how many. */
    static int deleteBefore(javax.sql.DataSource db, String table, String column, java.time.Instant before) {
        int total = 0;
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE " + column + " < ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(before));
            total = s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge " + table + ": " + e.getMessage(), e);
        }
        return total;
    }

    static boolean isDuplicateKey(SQLException e) {
        return Dialect.isDuplicateKey(e);
    }

    private static int update(Connection c, String table, Map<String, Object> key, Map<String, Object> values) throws SQLException {
        String sql = "UPDATE " + table + " SET " + String.join(", ", values.keySet().stream().map(k -> k + " = ?").toList())
                + " WHERE " + String.join(" AND ", key.keySet().stream().map(k -> k + " = ?").toList());
        List<Object> params = new ArrayList<>(values.values());
        params.addAll(key.values());
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        }
    }

    private static void upsert(Connection c, String table, Map<String, Object> key, Map<String, Object> values) throws SQLException {
        List<String> columns = new ArrayList<>(key.keySet());
        columns.addAll(values.keySet());
        List<Object> params = new ArrayList<>(key.values());
        params.addAll(values.values());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ") ON CONFLICT (" + String.join(", ", key.keySet())
                + ") DO " + (values.isEmpty() ? "NOTHING" : "UPDATE SET "
                + String.join(", ", values.keySet().stream().map(v -> v + " = EXCLUDED." + v).toList()));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            s.executeUpdate();
        }
    }

    private static void insert(Connection c, String table, Map<String, Object> key, Map<String, Object> values) throws SQLException {
        List<String> columns = new ArrayList<>(key.keySet());
        columns.addAll(values.keySet());
        List<Object> params = new ArrayList<>(key.values());
        params.addAll(values.values());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v == null) {
                s.setNull(i + 1, Types.NULL);
            } else {
                s.setObject(i + 1, v);
            }
        }
    }
}
