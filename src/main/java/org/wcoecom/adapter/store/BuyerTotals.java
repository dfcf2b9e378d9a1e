package org.wcoecom.adapter.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

/** What each buyer (by identity document) has declared in a calendar year: the annual CBEC quota. */
public final class BuyerTotals {

    private final DataSource db;
    private final Dialect dialect;

    public BuyerTotals(DataSource db, Dialect dialect) {
        this.db = db;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    public BigDecimal total(String buyerKey, int year) {
        try (Connection c = db.getConnection()) {
            return total(c, buyerKey, year);
        } catch (SQLException e) {
            throw new IllegalStateException("buyer total lookup failed: " + e.getMessage(), e);
        }
    }

    /** The buyer's total, read on the caller's connection (inside its transaction). */
    public BigDecimal total(Connection c, String buyerKey, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT total FROM buyer_total WHERE buyer_key = ? AND year_of = ?")) {
            s.setString(1, buyerKey);
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBigDecimal(1) : BigDecimal.ZERO;
            }
        }
    }

    /** Adds a declared amount to the buyer's year, in a transaction of its own. */
    public void add(String buyerKey, int year, BigDecimal amount) {
        try {
            Transactions.inTransaction(db, c -> {
                add(c, buyerKey, year, amount);
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("buyer total update failed: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a declared amount to the buyer's year on the caller's connection, so that it counts exactly
     * when the declaration is committed; in one statement, so concurrent adds do not lose each other.
     */
    public void add(Connection c, String buyerKey, int year, BigDecimal amount) throws SQLException {
        if (dialect == Dialect.POSTGRES) {
            // one statement whichever node adds first: no row yet, or a row another transaction holds
            try (PreparedStatement u = c.prepareStatement("INSERT INTO buyer_total (buyer_key, year_of, total) VALUES (?, ?, ?)"
                    + " ON CONFLICT (buyer_key, year_of) DO UPDATE SET total = buyer_total.total + EXCLUDED.total")) {
                u.setString(1, buyerKey);
                u.setInt(2, year);
                u.setBigDecimal(3, amount);
                u.executeUpdate();
            }
            return;
        }
        // SQLite would add in floating point: the sum is made here, exactly, under the transaction's write lock
        String sql = dialect == Dialect.SQLITE
                ? "UPDATE buyer_total SET total = ? WHERE buyer_key = ? AND year_of = ?"
                : "UPDATE buyer_total SET total = total + ? WHERE buyer_key = ? AND year_of = ?";
        BigDecimal value = dialect == Dialect.SQLITE ? total(c, buyerKey, year).add(amount) : amount;
        try (PreparedStatement u = c.prepareStatement(sql)) {
            u.setObject(1, value);
            u.setString(2, buyerKey);
            u.setInt(3, year);
            if (u.executeUpdate() == 1) {
                return;
            }
        }
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("buyer_key", buyerKey);
        key.put("year_of", year);
        Rows.put(c, "buyer_total", key, Map.of("total", amount));
    }
}
