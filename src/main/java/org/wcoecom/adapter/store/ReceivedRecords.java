package org.wcoecom.adapter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * The idempotency store: every record a partner sent, by partner and record key (the record id and a
 * digest of the record's XML, so that an amendment is a new version and not a duplicate), with the
 * delivery that brought it.
 *
 * <p>Every partner message reaches the pipeline as a JMS message consumed in a transaction that also
 * sends what it yields (HTTP, files and SOAP put theirs on the partner's queue first), so a record is
 * claimed once and for all in the same database transaction as the message's other rows: the same
 * delivery again (the broker redelivering after a rollback, whose outputs were rolled back with it)
 * takes its records again; any other delivery of a claimed record is a duplicate.
 */
public final class ReceivedRecords {

    public enum Claim { NEW, DUPLICATE }

    private final DataSource db;

    public ReceivedRecords(DataSource db) {
        this.db = db;
    }

    /** A record of a message to claim: its key (id and digest) and its id. */
    public record Candidate(String recordKey, String recordId) {
    }

    /**
     * Claims the records of one message on the caller's connection (inside its transaction). Two adapter
     * nodes may claim the same record at the same moment (a partner's re-send taken by the other node):
     * on PostgreSQL the second insert waits for the first transaction and then inserts nothing, and its
     * record is a duplicate (or, if the first rolled back, its own). The rows are inserted in key order,
     * so that two such messages never wait for each other in a circle.
     */
    static List<Claim> claim(Connection c, Dialect dialect, String partner, List<Candidate> records, String deliveryId)
            throws SQLException {
        Map<String, String> owners = owners(c, partner, records);
        Claim[] claims = new Claim[records.size()];
        Map<String, Integer> toInsert = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            Candidate r = records.get(i);
            String owner = owners.get(r.recordKey());
            if (owner != null) {
                claims[i] = owner.equals(deliveryId) ? Claim.NEW : Claim.DUPLICATE;
            } else if (toInsert.putIfAbsent(r.recordKey(), i) != null) {
                claims[i] = Claim.DUPLICATE; // the same record twice in one message: once is enough
            } else {
                claims[i] = Claim.NEW;
            }
        }
        if (toInsert.isEmpty()) {
            return List.of(claims);
        }
        Timestamp now = Timestamp.from(Instant.now());
        String sql = "INSERT INTO received_record (partner, record_key, record_id, inbound_id, status, first_seen, updated_at)"
                + " VALUES (?,?,?,?,'DONE',?,?)" + (dialect == Dialect.POSTGRES ? " ON CONFLICT (partner, record_key) DO NOTHING" : "");
        List<Integer> order = new ArrayList<>(toInsert.values());
        int[] inserted;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i : order) {
                Candidate r = records.get(i);
                s.setString(1, partner);
                s.setString(2, r.recordKey());
                s.setString(3, r.recordId());
                s.setString(4, deliveryId);
                s.setTimestamp(5, now);
                s.setTimestamp(6, now);
                s.addBatch();
            }
            inserted = s.executeBatch();
        }
        // 0: another transaction has the record; SUCCESS_NO_INFO (a driver rewriting batches): ask the table
        List<Candidate> taken = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            if (inserted[k] != 1) {
                taken.add(records.get(order.get(k)));
            }
        }
        if (!taken.isEmpty()) {
            Map<String, String> winners = owners(c, partner, taken);
            for (int k = 0; k < order.size(); k++) {
                if (inserted[k] != 1) {
                    int i = order.get(k);
                    claims[i] = deliveryId.equals(winners.get(records.get(i).recordKey())) ? Claim.NEW : Claim.DUPLICATE;
                }
            }
        }
        return List.of(claims);
    }

    /** Who brought each of these records before, if anyone: one statement for the message. */
    private static Map<String, String> owners(Connection c, String partner, List<Candidate> records) throws SQLException {
        Map<String, String> owners = new HashMap<>();
        for (int from = 0; from < records.size(); from += 100) {
            List<Candidate> slice = records.subList(from, Math.min(records.size(), from + 100));
            String marks = String.join(",", slice.stream().map(r -> "?").toList());
            try (PreparedStatement s = c.prepareStatement("SELECT record_key, inbound_id FROM received_record WHERE partner = ?"
                    + " AND record_key IN (" + marks + ")")) {
                s.setString(1, partner);
                for (int i = 0; i < slice.size(); i++) {
                    s.setString(i + 2, slice.get(i).recordKey());
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        owners.put(r.getString(1), r.getString(2));
                    }
                }
            }
        }
        return owners;
    }

    /**
     * The delivery failed for good (dead-lettered): its records are forgotten, so that a replay of the
     * message brings them again.
     */
    public void release(String deliveryId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM received_record WHERE inbound_id = ?")) {
            s.setString(1, deliveryId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release received records: " + e.getMessage(), e);
        }
    }

    /**
     * Forgets the records first seen before the given time: the same record sent again after that is
     * no longer known as a duplicate.
     */
    public int purge(Instant before) {
        return Rows.deleteBefore(db, "received_record", "first_seen", before);
    }
}
