package org.wcoecom.adapter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Who sent which record, found again by the business keys a receipt carries: customs answers a
 * CEB311 order with a CEB312 naming only the order number and platform, and the adapter relays it
 * to whoever sent that order, the way they sent it.
 */
public final class RecordSenders {

    /**
     * The reference type under which egress registers the id (guid) of each message it sends for a
     * record: customs' format-check receipts (CEB900) name the message, not the record.
     */
    public static final String MESSAGE_ID = "MESSAGE_ID";

    private final DataSource db;

    public RecordSenders(DataSource db) {
        this.db = db;
    }

    /** A record the adapter accepted or wrote: its format, id, sender and the channel it came on. */
    public record Sender(String format, String recordId, String partner, String channel) {
    }

    /** A record's sender and the references customs may answer it by. */
    public record Registration(Sender sender, Map<String, String> references) {
    }

    public void register(Sender sender, Map<String, String> references) {
        registerAll(List.of(new Registration(sender, references)));
    }

    /** Registers a record on the caller's connection, inside its transaction. */
    public void register(Connection c, Sender sender, Map<String, String> references) throws SQLException {
        insert(c, List.of(new Registration(sender, references)));
    }

    /** Registers the records of one message in one transaction (one commit, not one per row). */
    public void registerAll(List<Registration> registrations) {
        if (registrations.isEmpty()) {
            return;
        }
        try {
            Transactions.inTransaction(db, c -> insert(c, registrations));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register record senders: " + e.getMessage(), e);
        }
    }

    static int[] insert(Connection c, List<Registration> registrations) throws SQLException {
        if (registrations.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO record_ref (ref_type, ref_value, format, record_id,"
                + " partner, channel, created_at) VALUES (?,?,?,?,?,?,?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (Registration r : registrations) {
                for (Map.Entry<String, String> ref : r.references().entrySet()) {
                    if (ref.getValue() == null || ref.getValue().isEmpty()) {
                        continue;
                    }
                    s.setString(1, ref.getKey());
                    s.setString(2, ref.getValue());
                    s.setString(3, r.sender().format());
                    s.setString(4, r.sender().recordId());
                    s.setString(5, r.sender().partner());
                    s.setString(6, r.sender().channel());
                    s.setTimestamp(7, now);
                    s.addBatch();
                }
            }
            return s.executeBatch();
        }
    }

    /** Forgets who sent the records registered before the given time: customs' later answers to them are kept unmatched. */
    public int purge(Instant before) {
        return Rows.deleteBefore(db, "record_ref", "created_at", before);
    }

    /**
     * The latest record of the given format that carries every one of the given references (the
     * first reference narrows the search, the others must agree).
     */
    public Optional<Sender> find(String format, Map<String, String> references) {
        if (references.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, String> first = references.entrySet().iterator().next();
        List<Sender> candidates = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT DISTINCT record_id, partner, channel, created_at FROM record_ref"
                     + " WHERE ref_type = ? AND ref_value = ? AND format = ? ORDER BY created_at DESC")) {
            s.setString(1, first.getKey());
            s.setString(2, first.getValue());
            s.setString(3, format);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    candidates.add(new Sender(format, r.getString(1), r.getString(2), r.getString(3)));
                }
            }
            for (Sender candidate : candidates) {
                if (matchesAll(c, candidate, references)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up record senders: " + e.getMessage(), e);
        }
    }

    /** A record of any of the given formats (the first that has one) that carries every one of the given references. */
    public Optional<Sender> findAny(java.util.Collection<String> formats, Map<String, String> references) {
        for (String format : formats) {
            Optional<Sender> found = find(format, references);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Everyone a record of the given format carrying the given reference was registered for, oldest
     * first, each partner once: customs' tax bills, relayed to several parties, are registered per party.
     */
    public List<Sender> all(String format, String refType, String refValue) {
        List<Sender> found = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT record_id, partner, channel FROM record_ref"
                     + " WHERE ref_type = ? AND ref_value = ? AND format = ? ORDER BY created_at")) {
            s.setString(1, refType);
            s.setString(2, refValue);
            s.setString(3, format);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String partner = r.getString(2);
                    if (found.stream().noneMatch(f -> f.partner().equals(partner))) {
                        found.add(new Sender(format, r.getString(1), partner, r.getString(3)));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up record senders: " + e.getMessage(), e);
        }
    }

    /** A record's sender and the references it was registered with. */
    public record Registered(Sender sender, Map<String, String> references) {
    }

    /**
     * The record the adapter sent in the message of the given id ({@link #MESSAGE_ID}, registered by
     * egress), with its sender's registration: its format as received, partner, channel and references.
     * Empty when no such message was sent, or its record's sender is not known (any more).
     */
    public Optional<Registered> byMessageId(String messageId) {
        try (Connection c = db.getConnection()) {
            String recordId = null;
            try (PreparedStatement s = c.prepareStatement("SELECT record_id FROM record_ref WHERE ref_type = ? AND ref_value = ?"
                    + " ORDER BY created_at DESC")) {
                s.setString(1, MESSAGE_ID);
                s.setString(2, messageId);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        recordId = r.getString(1);
                    }
                }
            }
            if (recordId == null) {
                return Optional.empty();
            }
            Sender sender = null;
            Map<String, String> refs = new java.util.LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT format, partner, channel, ref_type, ref_value FROM record_ref"
                    + " WHERE record_id = ? AND ref_type <> ? ORDER BY created_at DESC")) {
                s.setString(1, recordId);
                s.setString(2, MESSAGE_ID);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (sender == null) {
                            sender = new Sender(r.getString(1), recordId, r.getString(2), r.getString(3));
                        }
                        if (sender.format().equals(r.getString(1))) {
                            refs.putIfAbsent(r.getString(4), r.getString(5));
                        }
                    }
                }
            }
            return sender == null ? Optional.empty() : Optional.of(new Registered(sender, refs));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up record senders: " + e.getMessage(), e);
        }
    }

    private static boolean matchesAll(Connection c, Sender candidate, Map<String, String> references) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ref_value FROM record_ref WHERE record_id = ? AND format = ? AND ref_type = ?")) {
            for (Map.Entry<String, String> ref : references.entrySet()) {
                s.setString(1, candidate.recordId());
                s.setString(2, candidate.format());
                s.setString(3, ref.getKey());
                try (ResultSet r = s.executeQuery()) {
                    boolean known = false;
                    boolean equal = false;
                    while (r.next()) {
                        known = true;
                        equal |= ref.getValue().equals(r.getString(1));
                    }
                    if (known && !equal) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
