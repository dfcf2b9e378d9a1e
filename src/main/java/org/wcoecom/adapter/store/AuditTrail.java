package org.wcoecom.adapter.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

/**
 * What happened to every message and record: received (accepted, duplicate or rejected, with the
 * rejected message's bytes kept), forwarded, relayed, dead-lettered, replayed. One row per record
 * (or per message when no record could be told), with a SHA-256 of the bytes concerned.
 */
public final class AuditTrail {

    public static final String RECEIVED = "RECEIVED";
    public static final String FORWARDED = "FORWARDED";
    public static final String RELAYED = "RELAYED";
    public static final String DEAD_LETTERED = "DEAD_LETTERED";
    public static final String REPLAYED = "REPLAYED";

    private static final int MAX_DETAIL = 1000;

    private final DataSource db;
    private final int keptBytes;

    /**
     * @param keptBytes how much of a rejected message is kept (its SHA-256 is of the whole message)
     */
    public AuditTrail(DataSource db, int keptBytes) {
        this.db = db;
        this.keptBytes = keptBytes;
    }

    /**
     * One event.
     *
     * @param recordId the record's id, null for a message whose records could not be told
     * @param content  kept bytes (a rejected message), or null
     */
    public record Event(Instant at, String event, String partner, String channel, String format, String messageId,
                        String recordId, String sha256, String outcome, String detail, byte[] content) {
    }

    public void record(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            Transactions.inTransaction(db, c -> write(c, events, keptBytes));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the audit trail: " + e.getMessage(), e);
        }
    }

    private static int[] write(Connection c, List<Event> events, int keptBytes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_event (at, event, partner, channel, format, message_id,"
                + " record_id, content_sha256, outcome, detail, content) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Event e : events) {
                s.setTimestamp(1, Timestamp.from(e.at()));
                s.setString(2, e.event());
                s.setString(3, cut(e.partner(), 64));
                s.setString(4, cut(e.channel(), 16));
                s.setString(5, cut(e.format(), 35));
                s.setString(6, cut(e.messageId(), 100));
                s.setString(7, cut(e.recordId(), 200));
                s.setString(8, e.sha256());
                s.setString(9, cut(e.outcome(), 20));
                s.setString(10, cut(e.detail(), MAX_DETAIL));
                s.setBytes(11, e.content() == null || e.content().length <= keptBytes ? e.content()
                        : java.util.Arrays.copyOf(e.content(), keptBytes));
                s.addBatch();
            }
            return s.executeBatch();
        }
    }

    /** A record's history, oldest first. */
    public List<Event> history(String recordId) {
        List<Event> events = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT at, event, partner, channel, format, message_id, record_id,"
                     + " content_sha256, outcome, detail FROM audit_event WHERE record_id = ? ORDER BY id")) {
            s.setString(1, recordId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new Event(r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
        return events;
    }

    /** Deletes the events before the given time; how many. */
    public int purge(Instant before) {
        return Rows.deleteBefore(db, "audit_event", "at", before);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
