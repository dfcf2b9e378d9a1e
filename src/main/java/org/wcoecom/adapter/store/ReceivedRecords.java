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
 * The idempotency store: every record a partner sent, by partner and record key (the record id
 * and a digest of the record's XML, so that an amendment is a new version and not a duplicate).
 *
 * <p>A record is claimed (PENDING) by the delivery that first brings it, and marked DONE once its
 * outputs have been sent. Another delivery of a DONE record is a duplicate. The same delivery
 * again (the broker redelivering after a rollback) or a PENDING record (an attempt that died
 * before finishing) is processed again: on JMS its earlier outputs were rolled back with it; on
 * HTTP and files, an attempt that died after queueing and before marking may have queued them
 * already (the one window left, see README).
 */
public final class ReceivedRecords {

    public enum Claim { NEW, DUPLICATE }

    private static final String PENDING = "PENDING";
    private static final String DONE = "DONE";

    private final DataSource db;

    public ReceivedRecords(DataSource db) {
        this.db = db;
    }

    /** A record of a message to claim: its key (id and digest) and its id. */
    public record Candidate(String recordKey, String recordId) {
    }

    /**
     * Claims every record of one message in one transaction: one commit instead of one per record
     * (each commit of the embedded database writes a chunk; the bench profile had them at a third of
     * the ingress work). When another delivery claims one of the records at the same moment, the
     * transaction is rolled back and each record is claimed on its own, as {@link #claim} does.
     */
    public List<Claim> claimAll(String partner, List<Candidate> records, String deliveryId) {
        if (records.size() > 1) {
            try {
                return Transactions.inTransaction(db, c -> {
                    List<Claim> claims = new ArrayList<>(records.size());
                    for (Candidate r : records) {
                        claims.add(claimInTransaction(c, partner, r, deliveryId));
                    }
                    return claims;
                });
            } catch (SQLException e) {
                // rolled back: a record claimed concurrently (or a lock timeout); one by one below
            }
        }
        List<Claim> claims = new ArrayList<>(records.size());
        for (Candidate r : records) {
            claims.add(claim(partner, r.recordKey(), r.recordId(), deliveryId));
        }
        return claims;
    }

    /** Another delivery holds or inserts the record right now: the one-by-one path sorts it out. */
    private static final class ConcurrentClaimException extends SQLException {
        ConcurrentClaimException() {
            super("a record of the message is claimed by another delivery");
        }
    }

    private static Claim claimInTransaction(Connection c, String partner, Candidate r, String deliveryId)
            throws SQLException {
        String[] row = find(c, partner, r.recordKey());
        if (row == null) {
            if (!insert(c, partner, r.recordKey(), r.recordId(), deliveryId)) {
                throw new ConcurrentClaimException();
            }
            return Claim.NEW;
        }
        if (deliveryId.equals(row[1])) {
            return Claim.NEW;
        }
        if (DONE.equals(row[0])) {
            return Claim.DUPLICATE;
        }
        throw new ConcurrentClaimException(); // pending under another delivery: take-over, one by one
    }

    public Claim claim(String partner, String recordKey, String recordId, String deliveryId) {
        try (Connection c = db.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                String[] row = find(c, partner, recordKey);
                if (row == null) {
                    if (insert(c, partner, recordKey, recordId, deliveryId)) {
                        return Claim.NEW;
                    }
                    continue; // another delivery inserted it meanwhile: look again
                }
                String status = row[0];
                String owner = row[1];
                if (deliveryId.equals(owner)) {
                    return Claim.NEW;
                }
                if (DONE.equals(status)) {
                    return Claim.DUPLICATE;
                }
                if (takeOver(c, partner, recordKey, owner, deliveryId)) {
                    return Claim.NEW;
                }
            }
            return Claim.DUPLICATE;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim record " + recordId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Forgets the records first seen before the given time: the same record sent again after that is
     * no longer known as a duplicate.
     */
    public int purge(Instant before) {
        return Rows.deleteBefore(db, "received_record", "first_seen", before);
    }

    /** The delivery's records have all been sent on. */
    public void done(String deliveryId) {
        update("UPDATE received_record SET status = '" + DONE + "', updated_at = ? WHERE inbound_id = ?", deliveryId);
    }

    /** The delivery failed for good (dead-lettered): its records may be brought again, by a replay. */
    public void release(String deliveryId) {
        update("UPDATE received_record SET status = '" + PENDING + "', updated_at = ? WHERE inbound_id = ?", deliveryId);
    }

    private void update(String sql, String deliveryId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setString(2, deliveryId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update received records: " + e.getMessage(), e);
        }
    }

    private static String[] find(Connection c, String partner, String recordKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT status, inbound_id FROM received_record WHERE partner = ? AND record_key = ?")) {
            s.setString(1, partner);
            s.setString(2, recordKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new String[] {r.getString(1), r.getString(2)} : null;
            }
        }
    }

    private static boolean insert(Connection c, String partner, String recordKey, String recordId, String deliveryId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO received_record (partner, record_key, record_id, inbound_id,"
                + " status, first_seen, updated_at) VALUES (?,?,?,?,'" + PENDING + "',?,?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            s.setString(1, partner);
            s.setString(2, recordKey);
            s.setString(3, recordId);
            s.setString(4, deliveryId);
            s.setTimestamp(5, now);
            s.setTimestamp(6, now);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Rows.isDuplicateKey(e)) {
                return false; // primary key taken
            }
            throw e;
        }
    }

    private static boolean takeOver(Connection c, String partner, String recordKey, String owner, String deliveryId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE received_record SET inbound_id = ?, updated_at = ?"
                + " WHERE partner = ? AND record_key = ? AND status = '" + PENDING + "' AND inbound_id = ?")) {
            s.setString(1, deliveryId);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.setString(3, partner);
            s.setString(4, recordKey);
            s.setString(5, owner);
            return s.executeUpdate() == 1;
        }
    }
}
