package org.wcoecom.adapter.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** What each buyer (by identity document) has declared in a calendar year: the annual CBEC quota. */
public final class BuyerTotals {

    private final DataSource db;

    public BuyerTotals(DataSource db) {
        this.db = db;
    }

    public BigDecimal total(String buyerKey, int year) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT total FROM buyer_total WHERE buyer_key = ? AND year_of = ?")) {
            s.setString(1, buyerKey);
            s.setInt(2, year);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getBigDecimal(1) : BigDecimal.ZERO;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("buyer total lookup failed: " + e.getMessage(), e);
        }
    }

    /** Adds a declared amount to the buyer's year, in one statement so concurrent adds do not lose each other. */
    public void add(String buyerKey, int year, BigDecimal amount) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement u = c.prepareStatement("UPDATE buyer_total SET total = total + ? WHERE buyer_key = ? AND year_of = ?")) {
                u.setBigDecimal(1, amount);
                u.setString(2, buyerKey);
                u.setInt(3, year);
                if (u.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO buyer_total (buyer_key, year_of, total) VALUES (?, ?, ?)")) {
                i.setString(1, buyerKey);
                i.setInt(2, year);
                i.setBigDecimal(3, amount);
                i.executeUpdate();
            } catch (SQLException duplicate) {
                // another thread inserted the row first: add to it
                add(buyerKey, year, amount);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("buyer total update failed: " + e.getMessage(), e);
        }
    }
}
