package org.wcoecom.adapter.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The product catalogue: what customs needs per item that an order does not say, keyed by the
 * seller's item number (SKU): the 10-digit commodity code, the customs goods name, the legal units
 * and how many of them one item is, the account-book record number (bonded import), the net weight.
 */
public final class Catalogue {

    /** The columns of a catalogue CSV file, in this order. */
    public static final String HEADER = "item_no,gcode,gname,unit1,qty1_per_unit,unit2,qty2_per_unit,item_record_no,net_weight_kg";

    private final DataSource db;

    public Catalogue(DataSource db) {
        this.db = db;
    }

    public record Item(String itemNo, String gcode, String gname, String unit1, BigDecimal qty1PerUnit,
                       Optional<String> unit2, Optional<BigDecimal> qty2PerUnit, Optional<String> itemRecordNo,
                       Optional<BigDecimal> netWeightKg) {
    }

    public Optional<Item> find(String itemNo) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM catalogue WHERE item_no = ?")) {
            s.setString(1, itemNo);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Item(r.getString("item_no"), r.getString("gcode"), r.getString("gname"),
                        r.getString("unit1"), r.getBigDecimal("qty1_per_unit"), Optional.ofNullable(r.getString("unit2")),
                        Optional.ofNullable(r.getBigDecimal("qty2_per_unit")), Optional.ofNullable(r.getString("item_record_no")),
                        Optional.ofNullable(r.getBigDecimal("net_weight_kg"))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue lookup failed: " + e.getMessage(), e);
        }
    }

    public int size() {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM catalogue");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds or replaces the items of a CSV file (UTF-8, header {@link #HEADER}, no quoting). The file
     * is checked whole before anything is written: one bad line and nothing changes.
     *
     * @return how many items were written
     */
    public int importCsv(Path file) throws IOException {
        List<Item> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.replace("\uFEFF", "").trim().equals(HEADER)) {
                throw new IllegalArgumentException(file + ": the first line must be " + HEADER);
            }
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    items.add(parse(line));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + n + ": " + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + String.join("; ", problems));
        }
        put(items);
        return items.size();
    }

    private static Item parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 9) {
            throw new IllegalArgumentException("9 fields expected, found " + f.length);
        }
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        if (f[0].isEmpty()) {
            throw new IllegalArgumentException("item_no is empty");
        }
        if (!f[1].matches("\\d{10}")) {
            throw new IllegalArgumentException("gcode '" + f[1] + "' is not 10 digits");
        }
        if (f[2].isEmpty() || f[2].length() > 250) {
            throw new IllegalArgumentException("gname must have 1 to 250 characters");
        }
        if (!f[3].matches("\\d{3}")) {
            throw new IllegalArgumentException("unit1 '" + f[3] + "' is not a 3-digit customs unit code");
        }
        if (!f[5].isEmpty() && !f[5].matches("\\d{3}")) {
            throw new IllegalArgumentException("unit2 '" + f[5] + "' is not a 3-digit customs unit code");
        }
        return new Item(f[0], f[1], f[2], f[3], decimal(f[4], "qty1_per_unit"),
                f[5].isEmpty() ? Optional.empty() : Optional.of(f[5]),
                f[6].isEmpty() ? Optional.empty() : Optional.of(decimal(f[6], "qty2_per_unit")),
                f[7].isEmpty() ? Optional.empty() : Optional.of(f[7]),
                f[8].isEmpty() ? Optional.empty() : Optional.of(decimal(f[8], "net_weight_kg")));
    }

    private static BigDecimal decimal(String v, String name) {
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0) {
                throw new IllegalArgumentException(name + " is negative");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + v + "' is not a number");
        }
    }

    public void put(List<Item> items) {
        try {
            Transactions.inTransaction(db, c -> {
                for (Item i : items) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("gcode", i.gcode());
                    values.put("gname", i.gname());
                    values.put("unit1", i.unit1());
                    values.put("qty1_per_unit", i.qty1PerUnit());
                    values.put("unit2", i.unit2().orElse(null));
                    values.put("qty2_per_unit", i.qty2PerUnit().orElse(null));
                    values.put("item_record_no", i.itemRecordNo().orElse(null));
                    values.put("net_weight_kg", i.netWeightKg().orElse(null));
                    values.put("updated_at", Timestamp.from(Instant.now()));
                    Rows.put(c, "catalogue", Map.of("item_no", i.itemNo()), values);
                }
                return items.size();
            });
        } catch (SQLException e) {
            throw new IllegalStateException("catalogue update failed: " + e.getMessage(), e);
        }
    }
}
