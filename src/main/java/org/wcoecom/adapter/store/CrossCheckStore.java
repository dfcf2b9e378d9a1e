package org.wcoecom.adapter.store;

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
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The three-document check's state as plain rows: a group per platform and order number, its
 * documents (one per kind, with who sent it), and what a step decided to send, kept under the id
 * of the message (or the sweep) that decided it until the broker has taken it.
 *
 * <p>Every change to the groups of one order number happens under that order number's lock row
 * ({@code crosscheck_order}), so documents of the same order handled at the same moment by two
 * consumers (or two adapter nodes) are applied one after the other, and a sweep never closes a
 * group a consumer is changing.
 *
 * <p>The JMS and database transactions are separate: a step stores its outputs under its source id
 * in the same database transaction as its changes, then the route sends them. When the message is
 * delivered again (the JMS commit failed, or the process died in between), the stored outputs are
 * sent again instead of applying the documents a second time; once the broker has committed, they
 * are forgotten.
 */
public final class CrossCheckStore {

    /** Waiting for documents. */
    public static final String OPEN = "OPEN";
    /** Judged and found wrong: waiting for a correction. */
    public static final String MISMATCH = "MISMATCH";
    /** Matched, its declaration waits for the catalogue. */
    public static final String HELD = "HELD";

    private final DataSource db;
    private final Dialect dialect;

    public CrossCheckStore(DataSource db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    /**
     * One document of a group.
     *
     * @param kind     Order, Payment or Shipment
     * @param partner  who sent it: only it may correct or cancel it
     * @param recordId its record id
     * @param xml      the canonical document
     * @param evaluated true once the rules ran with this version
     */
    public record Document(String kind, String partner, String recordId, byte[] xml, boolean evaluated, Instant receivedAt) {
    }

    /**
     * A group: the documents of one order of one platform ({@code platform} is empty while only
     * documents without a platform code, such as waybills, have come).
     */
    public record Group(String orderNumber, String platform, String state, String reason, Instant deadline,
                        Map<String, Document> documents) {

        public Optional<Document> document(String kind) {
            return Optional.ofNullable(documents.get(kind));
        }
    }

    /**
     * Something to send: a later receipt to a document's sender, or a declaration for customs.
     *
     * @param type      RECEIPT, DECLARATION or EXPORT_INVENTORY
     * @param partner   the receipt's addressee, or the platform partner the declaration is from
     * @param channel   how the answered record came (receipts)
     * @param recordId  the record answered, or the declaration's record id
     * @param format    the receipt's format, or canonical
     * @param outcome   the receipt's outcome (REJECTED), or FORWARD
     * @param body      the receipt or the canonical declaration
     */
    public record Output(String type, String partner, String channel, String recordId, String format, String outcome, byte[] body) {
        public static final String RECEIPT = "RECEIPT";
        public static final String DECLARATION = "DECLARATION";
        /** An export inventory (CEB603) for customs. */
        public static final String EXPORT_INVENTORY = "EXPORT_INVENTORY";
    }

    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    /** Runs the work in one database transaction. */
    public <T> T inTransaction(Work<T> work) {
        try {
            return Transactions.inTransaction(db, c -> work.run(new Tx(c)));
        } catch (SQLException e) {
            throw new IllegalStateException("cross-check store: " + e.getMessage(), e);
        }
    }

    /** The work of one transaction: lock an order number first, then read and change its groups. */
    public final class Tx {

        private final Connection c;

        private Tx(Connection c) {
            this.c = c;
        }

        /** The transaction's connection, for other stores that must commit with it. */
        public Connection connection() {
            return c;
        }

        /** Whether the source (a message or a sweep) has been applied; its stored outputs if so. */
        public Optional<List<Output>> applied(String source) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM crosscheck_applied WHERE source_id = ?")) {
                s.setString(1, source);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(outputs(c, source));
        }

        /** Records that the source has been applied, with what it decided to send. */
        public void applied(String source, List<Output> outputs) throws SQLException {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO crosscheck_applied (source_id, created_at) VALUES (?, ?)")) {
                s.setString(1, source);
                s.setTimestamp(2, now);
                s.executeUpdate();
            }
            if (outputs.isEmpty()) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO crosscheck_output (source_id, seq, output_type, partner,"
                    + " channel, record_id, format, outcome, body, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                int seq = 0;
                for (Output o : outputs) {
                    s.setString(1, source);
                    s.setInt(2, seq++);
                    s.setString(3, o.type());
                    s.setString(4, o.partner());
                    s.setString(5, o.channel());
                    s.setString(6, o.recordId());
                    s.setString(7, o.format());
                    s.setString(8, o.outcome());
                    s.setBytes(9, o.body());
                    s.setTimestamp(10, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }

        /**
         * Locks an order number for this transaction (creating its lock row when needed): every
         * change to the groups of that order number happens under it.
         */
        public void lock(String orderNumber) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(dialect.upsert("crosscheck_order", "order_no", "locked_at"))) {
                s.setString(1, orderNumber);
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.executeUpdate();
            }
        }

        /**
         * Takes the order numbers with a group whose deadline has passed, locked for this transaction. On
         * PostgreSQL, shared by several nodes, with {@code FOR UPDATE SKIP LOCKED}: an order number another
         * node's sweep (or a consumer) holds is left to it, so each group is closed by one sweep, once,
         * and sweeps on several nodes share the work instead of queueing behind each other.
         */
        public List<String> takeExpired(Instant now, int limit) throws SQLException {
            return take("g.deadline < ?", Timestamp.from(now), limit);
        }

        /** Takes the order numbers with a group whose declaration is held, locked likewise. */
        public List<String> takeHeld(int limit) throws SQLException {
            return take("g.state = ?", HELD, limit);
        }

        private List<String> take(String condition, Object param, int limit) throws SQLException {
            if (dialect != Dialect.POSTGRES) {
                // one node (SQLite, H2): find them, then lock each, in order (a consumer may hold one a moment)
                List<String> found = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT g.order_no FROM crosscheck_group g WHERE "
                        + condition + " ORDER BY g.order_no")) {
                    s.setObject(1, param);
                    s.setMaxRows(limit);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            found.add(r.getString(1));
                        }
                    }
                }
                for (String orderNumber : found) {
                    lock(orderNumber);
                }
                return found;
            }
            List<String> taken = new ArrayList<>();
            // every group has its order number's lock row (place() creates it first): the sweep takes those rows
            try (PreparedStatement s = c.prepareStatement("SELECT o.order_no FROM crosscheck_order o WHERE EXISTS (SELECT 1"
                    + " FROM crosscheck_group g WHERE g.order_no = o.order_no AND " + condition + ")"
                    + " ORDER BY o.order_no LIMIT ? FOR UPDATE OF o SKIP LOCKED")) {
                s.setObject(1, param);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        taken.add(r.getString(1));
                    }
                }
            }
            return taken;
        }

        /** The groups of an order number (under its lock). */
        public List<Group> groups(String orderNumber) throws SQLException {
            Map<String, Group> groups = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT platform, state, reason, deadline FROM crosscheck_group"
                    + " WHERE order_no = ? ORDER BY platform")) {
                s.setString(1, orderNumber);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        groups.put(r.getString(1), new Group(orderNumber, r.getString(1), r.getString(2), r.getString(3),
                                r.getTimestamp(4).toInstant(), new LinkedHashMap<>()));
                    }
                }
            }
            if (groups.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT platform, kind, partner, record_id, content, evaluated, received_at"
                    + " FROM crosscheck_document WHERE order_no = ?")) {
                s.setString(1, orderNumber);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Group g = groups.get(r.getString(1));
                        if (g != null) {
                            g.documents().put(r.getString(2), new Document(r.getString(2), r.getString(3), r.getString(4),
                                    r.getBytes(5), r.getBoolean(6), r.getTimestamp(7).toInstant()));
                        }
                    }
                }
            }
            return new ArrayList<>(groups.values());
        }

        /** Writes a group and its documents as they are now (under the order number's lock). */
        public void save(Group g) throws SQLException {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("order_no", g.orderNumber());
            key.put("platform", g.platform());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("state", g.state());
            values.put("reason", g.reason() == null ? null : cut(g.reason(), 2000));
            values.put("deadline", Timestamp.from(g.deadline()));
            values.put("updated_at", Timestamp.from(Instant.now()));
            Rows.put(c, "crosscheck_group", key, values);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM crosscheck_document WHERE order_no = ? AND platform = ?")) {
                s.setString(1, g.orderNumber());
                s.setString(2, g.platform());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO crosscheck_document (order_no, platform, kind, partner,"
                    + " record_id, content, evaluated, received_at) VALUES (?,?,?,?,?,?,?,?)")) {
                for (Document d : g.documents().values()) {
                    s.setString(1, g.orderNumber());
                    s.setString(2, g.platform());
                    s.setString(3, d.kind());
                    s.setString(4, d.partner());
                    s.setString(5, d.recordId());
                    s.setBytes(6, d.xml());
                    s.setBoolean(7, d.evaluated());
                    s.setTimestamp(8, Timestamp.from(d.receivedAt()));
                    s.addBatch();
                }
                s.executeBatch();
            }
        }

        /**
         * Remembers that the sender's correction of the record came, until retention forgets the records
         * received: a first version of it that reaches the check later (a batch delivered again after a
         * rollback, or replayed from the dead letters) is older than what the check has, even once its
         * group is closed. Keyed by the sender too, so that nothing another partner sends can mark it.
         */
        public void corrected(String partner, String recordId) throws SQLException {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("partner", partner);
            key.put("record_id", recordId);
            Rows.put(c, "crosscheck_corrected", key, Map.of("corrected_at", Timestamp.from(Instant.now())));
        }

        /** Whether the sender's correction of the record came (and was not withdrawn since). */
        public boolean wasCorrected(String partner, String recordId) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM crosscheck_corrected WHERE partner = ? AND record_id = ?")) {
                s.setString(1, partner);
                s.setString(2, recordId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        }

        /** A withdrawn record starts afresh: its sender may send a new first version. */
        public void withdrawn(String partner, String recordId) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM crosscheck_corrected WHERE partner = ? AND record_id = ?")) {
                s.setString(1, partner);
                s.setString(2, recordId);
                s.executeUpdate();
            }
        }

        /** Deletes a closed group (and the order number's lock row once it has no group left). */
        public void delete(Group g) throws SQLException {
            for (String table : List.of("crosscheck_document", "crosscheck_group")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE order_no = ? AND platform = ?")) {
                    s.setString(1, g.orderNumber());
                    s.setString(2, g.platform());
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM crosscheck_order WHERE order_no = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM crosscheck_group WHERE order_no = ?)")) {
                s.setString(1, g.orderNumber());
                s.setString(2, g.orderNumber());
                s.executeUpdate();
            }
        }
    }

    /**
     * Whether any group's deadline has passed, or any declaration is held: a plain read, so that a sweep
     * with nothing to do opens no transaction (on SQLite a transaction takes the write lock).
     */
    public boolean anyExpired(Instant now) {
        return exists("SELECT 1 FROM crosscheck_group WHERE deadline < ?", Timestamp.from(now));
    }

    public boolean anyHeld() {
        return exists("SELECT 1 FROM crosscheck_group WHERE state = ?", HELD);
    }

    private boolean exists(String sql, Object param) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            s.setMaxRows(1);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cross-check store: " + e.getMessage(), e);
        }
    }

    /** Sources applied before the given time whose outputs may not have been sent (a sweep that died, say). */
    public List<String> unsent(String sourcePrefix, Instant before) {
        List<String> found = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT DISTINCT source_id FROM crosscheck_output WHERE source_id LIKE ?"
                     + " AND created_at < ?")) {
            s.setString(1, sourcePrefix.replace("%", "\\%").replace("_", "\\_") + "%");
            s.setTimestamp(2, Timestamp.from(before));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cross-check store: " + e.getMessage(), e);
        }
        return found;
    }

    /** What a source decided to send, in order. */
    public List<Output> outputs(String source) {
        try (Connection c = db.getConnection()) {
            return outputs(c, source);
        } catch (SQLException e) {
            throw new IllegalStateException("cross-check store: " + e.getMessage(), e);
        }
    }

    private static List<Output> outputs(Connection c, String source) throws SQLException {
        List<Output> outputs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT output_type, partner, channel, record_id, format, outcome, body"
                + " FROM crosscheck_output WHERE source_id = ? ORDER BY seq")) {
            s.setString(1, source);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    outputs.add(new Output(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getBytes(7)));
                }
            }
        }
        return outputs;
    }

    /** The broker has taken what the source decided: nothing of it is needed any more. */
    public void forget(String source) {
        try {
            Transactions.inTransaction(db, c -> {
                for (String table : List.of("crosscheck_output", "crosscheck_applied")) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE source_id = ?")) {
                        s.setString(1, source);
                        s.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cross-check store: " + e.getMessage(), e);
        }
    }

    /**
     * Forgets decisions stored before the given time whose sending was never confirmed (the process died
     * after the broker's commit): long after any redelivery could need them.
     */
    public int purge(Instant before) {
        return Rows.deleteBefore(db, "crosscheck_output", "created_at", before) + Rows.deleteBefore(db, "crosscheck_applied", "created_at", before);
    }

    /** Forgets the corrections that came before the given time. */
    public int purgeCorrections(Instant before) {
        return Rows.deleteBefore(db, "crosscheck_corrected", "corrected_at", before);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
