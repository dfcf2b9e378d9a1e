package org.wcoecom.adapter.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The inventories the adapter declared to customs (CEB621 it assembled or forwarded, CEB603), as plain
 * rows: who declared it (agentCode) and its own number (copNo), the number customs gave it (invtNo,
 * from customs' receipts), whether customs released it, and the quantity of each goods line. Return
 * requests (CEB625, CEB213) and cancellations (CEB623, CEB605) are matched to them. Kept for
 * {@code adapter.retention.records-days} after their last change.
 */
public final class Inventories {

    public static final String DECLARED = "DECLARED";
    /** customs released the goods (CEB622 returnStatus 800, or 899 cleared) */
    public static final String RELEASED = "RELEASED";

    private final DataSource db;

    public Inventories(DataSource db) {
        this.db = db;
    }

    /**
     * An inventory as declared.
     *
     * @param quantities the declared quantity of each goods line, by its sequence number (gnum)
     */
    public record Inventory(String declarant, String localReference, String direction, String orderNumber,
                            Optional<String> inventoryNumber, String state, Map<Integer, BigDecimal> quantities) {
    }

    /**
     * Records a declaration as sent (again: a corrected one replaces the lines), on the caller's
     * transaction. Its state and customs' number are kept when it was known.
     */
    public static void declared(Connection c, String declarant, String localReference, String direction, String orderNumber,
                                Map<Integer, BigDecimal> quantities) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        boolean known;
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM declared_inventory WHERE declarant = ? AND local_ref = ?")) {
            s.setString(1, declarant);
            s.setString(2, localReference);
            try (ResultSet r = s.executeQuery()) {
                known = r.next();
            }
        }
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("declarant", declarant);
        key.put("local_ref", localReference);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("direction", direction);
        values.put("order_no", orderNumber);
        if (!known) {
            values.put("state", DECLARED);
        }
        values.put("updated_at", now);
        Rows.put(c, "declared_inventory", key, values);
        try (PreparedStatement s = c.prepareStatement("DELETE FROM declared_inventory_line WHERE declarant = ? AND local_ref = ?")) {
            s.setString(1, declarant);
            s.setString(2, localReference);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO declared_inventory_line (declarant, local_ref, seq, quantity)"
                + " VALUES (?,?,?,?)")) {
            for (Map.Entry<Integer, BigDecimal> line : quantities.entrySet()) {
                s.setString(1, declarant);
                s.setString(2, localReference);
                s.setInt(3, line.getKey());
                s.setString(4, line.getValue().toPlainString());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * What customs said of an inventory (its receipt): the number it gave it, and whether it released
     * it. An inventory the adapter did not declare is left alone (false).
     */
    public boolean answered(String declarant, String localReference, Optional<String> inventoryNumber, boolean released) {
        StringBuilder sql = new StringBuilder("UPDATE declared_inventory SET updated_at = ?");
        if (inventoryNumber.isPresent()) {
            sql.append(", inventory_no = ?");
        }
        if (released) {
            sql.append(", state = ?");
        }
        sql.append(" WHERE declarant = ? AND local_ref = ?");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            s.setTimestamp(i++, Timestamp.from(Instant.now()));
            if (inventoryNumber.isPresent()) {
                s.setString(i++, inventoryNumber.get());
            }
            if (released) {
                s.setString(i++, RELEASED);
            }
            s.setString(i++, declarant);
            s.setString(i, localReference);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("inventories: " + e.getMessage(), e);
        }
    }

    /**
     * The inventory customs numbered so, whoever declared it (customs' numbers are its own, one per
     * inventory): for messages that name the inventory but not its declaring agent (CEB818).
     */
    public Optional<Inventory> byCustomsNumber(String inventoryNumber) {
        String declarant = null;
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT declarant FROM declared_inventory WHERE inventory_no = ?"
                     + " ORDER BY updated_at DESC")) {
            s.setString(1, inventoryNumber);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    declarant = r.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("inventories: " + e.getMessage(), e);
        }
        return declarant == null ? Optional.empty() : byCustomsNumber(declarant, inventoryNumber);
    }

    /** The inventory customs numbered so, declared by the given declaring agent. */
    public Optional<Inventory> byCustomsNumber(String declarant, String inventoryNumber) {
        return find("SELECT declarant, local_ref, direction, order_no, state FROM declared_inventory WHERE declarant = ? AND inventory_no = ?",
                declarant, inventoryNumber);
    }

    /**
     * The export inventory customs numbered so, declared (by whichever declaring agent) for the given
     * e-commerce enterprise, the consignor of record (ebcCode).
     */
    public Optional<Inventory> exportOfSeller(String seller, String inventoryNumber) {
        return find("SELECT i.declarant, i.local_ref, i.direction, i.order_no, i.state FROM declared_inventory i JOIN export_parcel p"
                + " ON p.declarant = i.declarant AND p.local_ref = i.local_ref WHERE p.seller = ? AND i.inventory_no = ?"
                + " AND i.direction = 'EXPORT'", seller, inventoryNumber);
    }

    private Optional<Inventory> find(String sql, String party, String inventoryNumber) {
        try (Connection c = db.getConnection()) {
            Inventory found = null;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, party);
                s.setString(2, inventoryNumber);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        found = new Inventory(r.getString(1), r.getString(2), r.getString(3), r.getString(4), Optional.of(inventoryNumber),
                                r.getString(5), new LinkedHashMap<>());
                    }
                }
            }
            if (found == null) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT seq, quantity FROM declared_inventory_line"
                    + " WHERE declarant = ? AND local_ref = ? ORDER BY seq")) {
                s.setString(1, found.declarant());
                s.setString(2, found.localReference());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        found.quantities().put(r.getInt(1), new BigDecimal(r.getString(2)));
                    }
                }
            }
            return Optional.of(found);
        } catch (SQLException e) {
            throw new IllegalStateException("inventories: " + e.getMessage(), e);
        }
    }

    /** Forgets the inventories unchanged since the given time, and their lines. */
    public int purge(Instant before) {
        try {
            return Transactions.inTransaction(db, c -> {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM declared_inventory_line WHERE EXISTS (SELECT 1 FROM"
                        + " declared_inventory i WHERE i.declarant = declared_inventory_line.declarant"
                        + " AND i.local_ref = declared_inventory_line.local_ref AND i.updated_at < ?)")) {
                    s.setTimestamp(1, Timestamp.from(before));
                    s.executeUpdate();
                }
                // the export inventories' parcels (ExportParcels) are kept as long
                try (PreparedStatement s = c.prepareStatement("DELETE FROM export_parcel WHERE updated_at < ?")) {
                    s.setTimestamp(1, Timestamp.from(before));
                    s.executeUpdate();
                }
                int deleted;
                try (PreparedStatement s = c.prepareStatement("DELETE FROM declared_inventory WHERE updated_at < ?")) {
                    s.setTimestamp(1, Timestamp.from(before));
                    deleted = s.executeUpdate();
                }
                // the returns of an inventory are compared with it: they go with it
                Returns.purgeOrphans(c);
                return deleted;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("inventories: " + e.getMessage(), e);
        }
    }
}
