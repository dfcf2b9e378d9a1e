package org.wcoecom.adapter.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.wcoecom.adapter.rules.CrossCheckGroup;

/**
 * Orders whose documents agree but whose declaration waits for the catalogue: kept with the reason
 * until it can be assembled.
 */
public final class HeldDeclarations {

    // only our own classes and the JDK's collections come back from the table
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "org.wcoecom.adapter.rules.*;java.util.*;java.lang.*;!*");

    private final DataSource db;

    public HeldDeclarations(DataSource db) {
        this.db = db;
    }

    public record Held(String key, CrossCheckGroup group, String reason, Instant since) {
    }

    public void hold(CrossCheckGroup group, String reason) {
        try (Connection c = db.getConnection()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("group_data", serialize(group));
            values.put("reason", reason.length() > 4000 ? reason.substring(0, 4000) : reason);
            values.put("held_at", Timestamp.from(Instant.now()));
            Rows.put(c, "held_declaration", Map.of("correlation_key", group.key()), values);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot hold the declaration of " + group.key() + ": " + e.getMessage(), e);
        }
    }

    public List<Held> all() {
        List<Held> held = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT correlation_key, group_data, reason, held_at FROM held_declaration ORDER BY held_at");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                held.add(new Held(r.getString(1), deserialize(r.getBytes(2)), r.getString(3), r.getTimestamp(4).toInstant()));
            }
        } catch (SQLException | IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read held declarations: " + e.getMessage(), e);
        }
        return held;
    }

    /** Takes a held declaration out; false if another thread took it first. */
    public boolean release(String key) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM held_declaration WHERE correlation_key = ?")) {
            s.setString(1, key);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the declaration of " + key + ": " + e.getMessage(), e);
        }
    }

    private static byte[] serialize(CrossCheckGroup group) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(group);
        }
        return out.toByteArray();
    }

    private static CrossCheckGroup deserialize(byte[] data) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            in.setObjectInputFilter(FILTER);
            return (CrossCheckGroup) in.readObject();
        }
    }
}
