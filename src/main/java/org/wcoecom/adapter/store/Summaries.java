package org.wcoecom.adapter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The monthly summaries assembled, a row per period and e-commerce enterprise: a summary is assembled
 * once (the row's key says it was, whichever node or command did it), kept as its canonical request
 * until it has been handed to the broker for customs (PENDING, then SENT).
 */
public final class Summaries {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";

    private final DataSource db;

    public Summaries(DataSource db) {
        this.db = db;
    }

    /** A summary as kept. */
    public record Row(String period, String seller, String recordId, int inventories, byte[] content, String state) {
    }

    /** Whether the period's summary of the enterprise was assembled already. */
    public boolean assembled(String period, String seller) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM summary_run WHERE period = ? AND seller = ?")) {
            s.setString(1, period);
            s.setString(2, seller);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("summaries: " + e.getMessage(), e);
        }
    }

    /** Whether any summary of the period was assembled (a month's releases are over once it is). */
    public boolean anyOf(String period) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM summary_run WHERE period = ?")) {
            s.setString(1, period);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("summaries: " + e.getMessage(), e);
        }
    }

    /** Keeps a new summary, to be sent; false when the period's summary of this enterprise exists already (nothing changed). */
    public boolean add(Row row) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO summary_run (period, seller, record_id, inventories, content, state,"
                     + " created_at) VALUES (?,?,?,?,?,?,?)")) {
            s.setString(1, row.period());
            s.setString(2, row.seller());
            s.setString(3, row.recordId());
            s.setInt(4, row.inventories());
            s.setBytes(5, row.content());
            s.setString(6, PENDING);
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Dialect.isDuplicateKey(e)) {
                return false;
            }
            throw new IllegalStateException("summaries: " + e.getMessage(), e);
        }
    }

    /** The summaries not yet handed to the broker, oldest first. */
    public List<Row> pending() {
        List<Row> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT period, seller, record_id, inventories, content, state FROM summary_run"
                     + " WHERE state = ? ORDER BY created_at, period, seller")) {
            s.setString(1, PENDING);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getBytes(5), r.getString(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("summaries: " + e.getMessage(), e);
        }
    }

    /** A summary was handed to the broker. */
    public void sent(String recordId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE summary_run SET state = ?, sent_at = ? WHERE record_id = ?")) {
            s.setString(1, SENT);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.setString(3, recordId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("summaries: " + e.getMessage(), e);
        }
    }
}
