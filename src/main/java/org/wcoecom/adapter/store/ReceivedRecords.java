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

    /** Claims the records of one message on the caller's connection (inside its transaction). */
    static List<Claim> claim(Connection c, String partner, List<Candidate> records, String deliveryId) throws SQLException {
        Map<String, String> owners = owners(c, partner, records);
        List<Claim> claims = new ArrayList<>(records.size());
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO received_record (partner, record_key, record_id, inbound_id,"
                + " status, first_seen, updated_at) VALUES (?,?,?,?,'DONE',?,?)")) {
            Map<String, Boolean> inThisMessage = new HashMap<>();
            for (Candidate r : records) {
                String owner = owners.get(r.recordKey());
                if (owner != null) {
                    claims.add(owner.equals(deliveryId) ? Claim.NEW : Claim.DUPLICATE);
                } else if (inThisMessage.putIfAbsent(r.recordKey(), true) != null) {
                    claims.add(Claim.DUPLICATE); // the same record twice in one message: once is enough
                } else {
                    s.setString(1, partner);
                    s.setString(2, r.recordKey());
                    s.setString(3, r.recordId());
                    s.setString(4, deliveryId);
                    s.setTimestamp(5, now);
                    s.setTimestamp(6, now);
                    s.addBatch();
                    claims.add(Claim.NEW);
                }
            }
            s.executeBatch();
        }
        return claims;
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
