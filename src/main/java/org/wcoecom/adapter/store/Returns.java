package org.wcoecom.adapter.store;

import java.math.BigDecimal;
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
 * The return requests the adapter accepted and forwarded (CEB625 import, CEB213 export), as plain rows
 * beside the inventory whose goods come back: who asked under which number of its own, the quantity of
 * each goods line, and, for an export return, the waybill the goods come back under and whether the
 * tally of the returned parcel (CEB215) closed it. A new request is compared with what was declared
 * minus what the other accepted requests of the inventory took back. The rows live as long as their
 * inventory: accepting a return touches the inventory's row, and {@link Inventories#purge} forgets the
 * returns of the inventories it forgets.
 */
public final class Returns {

    /** accepted and forwarded; an export return waits for its tally */
    public static final String OPEN = "OPEN";
    /** the returned parcel was tallied (CEB215); an import return: customs concluded it (its CEB626 399, 800, 899) */
    public static final String CLOSED = "CLOSED";
    /** customs refused it (its CEB626 or CEB214 100, or an error): it takes nothing back */
    public static final String REFUSED = "REFUSED";

    /** how a request's own number begins its request_ref (else the record guid: {@code guid:}) */
    public static final String NUMBERED = "no:";

    private final DataSource db;

    public Returns(DataSource db) {
        this.db = db;
    }

    /**
     * An accepted request.
     *
     * @param declarant      the inventory's declaring agent and
     * @param localReference its own number: the inventory's key in {@link Inventories}
     * @param partner        who asked
     * @param requestRef     the request's own number (its copNo, coElNo), else its record guid: a request sent
     *                       again under the same number (a correction) replaces what it took back
     * @param quantities     what each goods line (gnum) takes back
     * @param carrier        export: the carrier of the waybill the goods come back under (else null)
     * @param waybill        export: that waybill's number (else null)
     */
    public record Request(String declarant, String localReference, String partner, String requestRef, String recordId,
                          String direction, Map<Integer, BigDecimal> quantities, String carrier, String waybill) {
    }

    /** An export return as kept: its keys, state, and the tally that closed it (its record key). */
    public record Kept(String declarant, String localReference, String partner, String requestRef, String state,
                       Optional<String> closedBy) {
    }

    /**
     * What the other accepted requests of the inventory took back, per goods line: the request of this
     * partner and number itself is left out (sent again, or corrected, it replaces its own).
     */
    public Map<Integer, BigDecimal> takenBack(String declarant, String localReference, String partner, String requestRef) {
        try (Connection c = db.getConnection()) {
            return takenBack(c, declarant, localReference, partner, requestRef);
        } catch (SQLException e) {
            throw new IllegalStateException("returns: " + e.getMessage(), e);
        }
    }

    /**
     * Records an accepted request, on the caller's transaction. The inventory's row is updated first (it
     * is kept as long again, and the update locks it: two requests of one inventory are written one after
     * the other), then the quantities are checked once more, inside the transaction: a request that a
     * concurrent one made too large fails here, its message is rolled back, and its next delivery is
     * answered RET-QUANTITY by the pipeline's check.
     */
    public static void accepted(Connection c, Request r) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement s = c.prepareStatement("UPDATE declared_inventory SET updated_at = ? WHERE declarant = ? AND local_ref = ?")) {
            s.setTimestamp(1, now);
            s.setString(2, r.declarant());
            s.setString(3, r.localReference());
            if (s.executeUpdate() == 0) {
                throw new IllegalStateException("return " + r.recordId() + ": its inventory is no longer kept");
            }
        }
        Map<Integer, BigDecimal> declared = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT seq, quantity FROM declared_inventory_line WHERE declarant = ? AND local_ref = ?")) {
            s.setString(1, r.declarant());
            s.setString(2, r.localReference());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    declared.put(rs.getInt(1), new BigDecimal(rs.getString(2)));
                }
            }
        }
        Map<Integer, BigDecimal> taken = takenBack(c, r.declarant(), r.localReference(), r.partner(), r.requestRef());
        for (Map.Entry<Integer, BigDecimal> line : r.quantities().entrySet()) {
            BigDecimal left = declared.getOrDefault(line.getKey(), BigDecimal.ZERO).subtract(taken.getOrDefault(line.getKey(), BigDecimal.ZERO));
            if (line.getValue().compareTo(left) > 0) {
                throw new IllegalStateException("return " + r.recordId() + ": line " + line.getKey()
                        + " was taken back by a return accepted meanwhile; the message is processed again");
            }
        }
        Map<String, Object> key = key(r.declarant(), r.localReference(), r.partner(), r.requestRef());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("record_id", r.recordId());
        values.put("direction", r.direction());
        values.put("logistics_code", r.carrier());
        values.put("logistics_no", r.waybill());
        values.put("state", OPEN);
        values.put("closed_by", null);
        values.put("updated_at", now);
        Rows.put(c, "goods_return", key, values);
        try (PreparedStatement s = c.prepareStatement("DELETE FROM goods_return_line WHERE declarant = ? AND local_ref = ?"
                + " AND partner = ? AND request_ref = ?")) {
            bindKey(s, r.declarant(), r.localReference(), r.partner(), r.requestRef());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO goods_return_line (declarant, local_ref, partner, request_ref, seq,"
                + " quantity) VALUES (?,?,?,?,?,?)")) {
            for (Map.Entry<Integer, BigDecimal> line : r.quantities().entrySet()) {
                bindKey(s, r.declarant(), r.localReference(), r.partner(), r.requestRef());
                s.setInt(5, line.getKey());
                s.setString(6, line.getValue().toPlainString());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * The export returns whose goods come back under this carrier's waybill number, of the inventory of
     * customs' number when one is given; open ones first.
     */
    public List<Kept> byWaybill(String carrier, String waybill, Optional<String> inventoryNumber) {
        String sql = "SELECT r.declarant, r.local_ref, r.partner, r.request_ref, r.state, r.closed_by FROM goods_return r"
                + (inventoryNumber.isPresent() ? " JOIN declared_inventory i ON i.declarant = r.declarant AND i.local_ref = r.local_ref"
                + " AND i.inventory_no = ?" : "")
                + " WHERE r.direction = 'EXPORT' AND r.logistics_code = ? AND r.logistics_no = ? AND r.state <> '" + REFUSED + "'"
                + " ORDER BY r.state DESC, r.updated_at DESC";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (inventoryNumber.isPresent()) {
                s.setString(i++, inventoryNumber.get());
            }
            s.setString(i++, carrier);
            s.setString(i, waybill);
            List<Kept> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Kept(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            Optional.ofNullable(r.getString(6))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("returns: " + e.getMessage(), e);
        }
    }

    /**
     * The tally of the returned parcel closes the return, on the caller's transaction. A return another
     * tally closed meanwhile fails here: the message is rolled back and its next delivery is answered
     * RET-TALLY-CLOSED by the pipeline's check.
     */
    public static void closed(Connection c, Kept r, String tally) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE goods_return SET state = ?, closed_by = ?, updated_at = ?"
                + " WHERE declarant = ? AND local_ref = ? AND partner = ? AND request_ref = ? AND state = ?")) {
            s.setString(1, CLOSED);
            s.setString(2, tally);
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.setString(4, r.declarant());
            s.setString(5, r.localReference());
            s.setString(6, r.partner());
            s.setString(7, r.requestRef());
            s.setString(8, OPEN);
            if (s.executeUpdate() == 0) {
                throw new IllegalStateException("tally " + tally + ": the return was closed meanwhile; the message is processed again");
            }
        }
    }

    /**
     * What customs answered a return request (its CEB626 or CEB214, relayed to the partner that sent the
     * request): refused (100, or a negative error status), the request takes nothing back; concluded
     * (399, 800 or 899), an import return is closed (the specification has no tally of import returns).
     * The request is known by its record id and its own number (copNo, coElNo), which the receipt
     * carries; a request sent without one is not found, and stays as it was. Whether a row changed.
     */
    public boolean answered(String partner, String recordId, String requestNumber, String status) {
        String state;
        if ("100".equals(status) || status.startsWith("-")) {
            state = REFUSED;
        } else if (List.of("399", "800", "899").contains(status)) {
            state = CLOSED;
        } else {
            return false;
        }
        // a tally's closing is not undone; an export return is closed by its tally alone
        String sql = "UPDATE goods_return SET state = ?, updated_at = ? WHERE partner = ? AND record_id = ? AND request_ref = ?"
                + (REFUSED.equals(state) ? " AND state = '" + OPEN + "'" : " AND state = '" + OPEN + "' AND direction = 'IMPORT'");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, state);
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.setString(3, partner);
            s.setString(4, recordId);
            s.setString(5, NUMBERED + requestNumber);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("returns: " + e.getMessage(), e);
        }
    }

    /** The returns of inventories no longer kept, and their lines, on the caller's transaction (after the inventories). */
    static void purgeOrphans(Connection c) throws SQLException {
        String orphan = " WHERE NOT EXISTS (SELECT 1 FROM declared_inventory i WHERE i.declarant = %1$s.declarant"
                + " AND i.local_ref = %1$s.local_ref)";
        try (PreparedStatement s = c.prepareStatement("DELETE FROM goods_return_line" + orphan.formatted("goods_return_line"))) {
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM goods_return" + orphan.formatted("goods_return"))) {
            s.executeUpdate();
        }
    }

    private static Map<Integer, BigDecimal> takenBack(Connection c, String declarant, String localReference, String partner,
                                                      String requestRef) throws SQLException {
        Map<Integer, BigDecimal> taken = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT l.seq, l.quantity FROM goods_return_line l JOIN goods_return r"
                + " ON r.declarant = l.declarant AND r.local_ref = l.local_ref AND r.partner = l.partner AND r.request_ref = l.request_ref"
                + " WHERE l.declarant = ? AND l.local_ref = ? AND NOT (l.partner = ? AND l.request_ref = ?) AND r.state <> '" + REFUSED + "'")) {
            bindKey(s, declarant, localReference, partner, requestRef);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    taken.merge(r.getInt(1), new BigDecimal(r.getString(2)), BigDecimal::add);
                }
            }
        }
        return taken;
    }

    private static Map<String, Object> key(String declarant, String localReference, String partner, String requestRef) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("declarant", declarant);
        key.put("local_ref", localReference);
        key.put("partner", partner);
        key.put("request_ref", requestRef);
        return key;
    }

    private static void bindKey(PreparedStatement s, String declarant, String localReference, String partner, String requestRef)
            throws SQLException {
        s.setString(1, declarant);
        s.setString(2, localReference);
        s.setString(3, partner);
        s.setString(4, requestRef);
    }
}
