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
 * The parcels of the export inventories the adapter declared (CEB603), by carrier and waybill number:
 * arrival (CEB507) and departure (CEB509) reports name parcels so, and are matched to them; the
 * canonical declaration is kept whole for the monthly summary, with when customs released it (its
 * CEB604 800). Rows sit beside {@link Inventories}' (same declarant and own number) and are kept as
 * long ({@code adapter.retention.records-days} after their last change).
 */
public final class ExportParcels {

    private final DataSource db;

    public ExportParcels(DataSource db) {
        this.db = db;
    }

    /** A parcel as declared, and whether it arrived at a supervised site or left the country. */
    public record Parcel(String declarant, String localReference, Optional<Instant> arrivedAt, Optional<Instant> departedAt) {
    }

    /** A released export inventory: its canonical declaration as the adapter declared it. */
    public record Released(String declarant, String localReference, Optional<String> inventoryNumber, Instant releasedAt,
                           byte[] declaration) {
    }

    /**
     * Records an export inventory as declared (again: a corrected one replaces the declaration), on the
     * caller's transaction. Its arrival, departure and release are kept.
     */
    public static void declared(Connection c, String declarant, String localReference, String carrier, String waybill,
                                String seller, byte[] declaration) throws SQLException {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("declarant", declarant);
        key.put("local_ref", localReference);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("logistics_code", carrier);
        values.put("logistics_no", waybill);
        values.put("seller", seller);
        values.put("content", declaration);
        values.put("updated_at", Timestamp.from(Instant.now()));
        Rows.put(c, "export_parcel", key, values);
    }

    /** Customs released the inventory (first time only: a receipt relayed again does not move it to another period). */
    public void released(String declarant, String localReference, Instant at) {
        update("UPDATE export_parcel SET released_at = ?, updated_at = ? WHERE declarant = ? AND local_ref = ? AND released_at IS NULL",
                at, declarant, localReference);
    }

    /** The parcel the carrier's waybill number names, among the export inventories declared. */
    public Optional<Parcel> byWaybill(String carrier, String waybill) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT declarant, local_ref, arrived_at, departed_at FROM export_parcel"
                     + " WHERE logistics_code = ? AND logistics_no = ? ORDER BY updated_at DESC")) {
            s.setString(1, carrier);
            s.setString(2, waybill);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Parcel(r.getString(1), r.getString(2), instant(r.getTimestamp(3)), instant(r.getTimestamp(4))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("export parcels: " + e.getMessage(), e);
        }
    }

    /** The parcel arrived at a supervised site (the first report counts). */
    /**
     * The parcel reached a supervised site (an arrival) or left the country (a departure), on the caller's
     * transaction: the first report counts.
     */
    public static void moved(Connection c, String declarant, String localReference, boolean departure, Instant at) throws SQLException {
        String column = departure ? "departed_at" : "arrived_at";
        try (PreparedStatement s = c.prepareStatement("UPDATE export_parcel SET " + column + " = ?, updated_at = ?"
                + " WHERE declarant = ? AND local_ref = ? AND " + column + " IS NULL")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.setString(3, declarant);
            s.setString(4, localReference);
            s.executeUpdate();
        }
    }

    /** The export inventories customs released from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public List<Released> releasedBetween(Instant from, Instant to) {
        List<Released> found = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT p.declarant, p.local_ref, i.inventory_no, p.released_at, p.content"
                     + " FROM export_parcel p LEFT JOIN declared_inventory i ON i.declarant = p.declarant AND i.local_ref = p.local_ref"
                     + " WHERE p.released_at >= ? AND p.released_at < ? ORDER BY p.released_at, p.declarant, p.local_ref")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Released(r.getString(1), r.getString(2), Optional.ofNullable(r.getString(3)), r.getTimestamp(4).toInstant(),
                            r.getBytes(5)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("export parcels: " + e.getMessage(), e);
        }
    }

    /** Forgets the parcels unchanged since the given time. */
    public int purge(Instant before) {
        return Rows.deleteBefore(db, "export_parcel", "updated_at", before);
    }

    private void update(String sql, Instant at, String declarant, String localReference) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.setString(3, declarant);
            s.setString(4, localReference);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("export parcels: " + e.getMessage(), e);
        }
    }

    private static Optional<Instant> instant(Timestamp t) {
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }
}
