package org.wcoecom.adapter.soap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.wcoecom.adapter.store.Rows;

/**
 * The declarations the adapter sent to overseas customs, by destination and functional reference
 * (LRN), with the record's original sender: so that an answer, whether it comes back in the SOAP
 * response or later through submitResponse, reaches whoever sent the record, the way they sent it.
 */
final class ExchangeLog {

    /** A declaration sent: where to, under which LRN, which record, and who sent that record to us. */
    record Sent(String destination, String functionalReference, String recordId, String originPartner,
                String originChannel, String originFormat) {
    }

    private final DataSource db;

    ExchangeLog(DataSource db) {
        this.db = db;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS exchange_sent (destination VARCHAR(64) NOT NULL,"
                    + " functional_ref VARCHAR(70) NOT NULL, record_id VARCHAR(255) NOT NULL, origin_partner VARCHAR(64) NOT NULL,"
                    + " origin_channel VARCHAR(35), origin_format VARCHAR(35), sent_at TIMESTAMP NOT NULL,"
                    + " PRIMARY KEY (destination, functional_ref))");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the exchange log: " + e.getMessage(), e);
        }
    }

    void sent(Sent sent) {
        try (Connection c = db.getConnection()) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("destination", sent.destination());
            key.put("functional_ref", sent.functionalReference());
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("record_id", sent.recordId());
            values.put("origin_partner", sent.originPartner());
            values.put("origin_channel", sent.originChannel());
            values.put("origin_format", sent.originFormat());
            values.put("sent_at", Timestamp.from(Instant.now()));
            Rows.put(c, "exchange_sent", key, values);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot log the declaration sent: " + e.getMessage(), e);
        }
    }

    Optional<Sent> find(String destination, String functionalReference) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT record_id, origin_partner, origin_channel, origin_format"
                     + " FROM exchange_sent WHERE destination = ? AND functional_ref = ?")) {
            s.setString(1, destination);
            s.setString(2, functionalReference);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Sent(destination, functionalReference, r.getString(1), r.getString(2),
                        r.getString(3), r.getString(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the exchange log: " + e.getMessage(), e);
        }
    }

    /**
     * Who sent a record to the adapter, as the channels registered it (record_ref): format,
     * partner, channel. Declarations assembled by the cross-check are registered there too.
     */
    Optional<String[]> origin(String recordId) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT format, partner, channel FROM record_ref WHERE record_id = ?"
                     + " ORDER BY created_at DESC")) {
            s.setString(1, recordId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new String[] {r.getString(1), r.getString(2), r.getString(3)}) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read record senders: " + e.getMessage(), e);
        }
    }
}
