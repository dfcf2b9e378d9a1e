package org.wcoecom.adapter.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * What one partner message leaves in the database, written in one transaction: its records' claims
 * (new or duplicate), who sent the new ones (to relay customs' answers), its audit events, and the
 * annual totals its declarations add to. One commit per message, whatever its number of records.
 */
public final class Ledger {

    private final DataSource db;
    private final int keptBytes;
    private final BuyerTotals totals;
    private final Dialect dialect;

    /**
     * @param keptBytes how much of a rejected message's bytes the audit trail keeps
     */
    public Ledger(DataSource db, int keptBytes, BuyerTotals totals) {
        this.db = db;
        this.dialect = totals.dialect();
        this.keptBytes = keptBytes;
        this.totals = totals;
    }

    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    public <T> T inTransaction(Work<T> work) {
        try {
            return Transactions.inTransaction(db, c -> work.run(new Tx(c)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the message: " + e.getMessage(), e);
        }
    }

    /** The writes of one transaction. */
    public final class Tx {

        private final Connection c;

        private Tx(Connection c) {
            this.c = c;
        }

        public List<ReceivedRecords.Claim> claim(String partner, List<ReceivedRecords.Candidate> records, String deliveryId)
                throws SQLException {
            return ReceivedRecords.claim(c, dialect, partner, records, deliveryId);
        }

        public void register(List<RecordSenders.Registration> registrations) throws SQLException {
            RecordSenders.insert(c, registrations);
        }

        public void audit(List<AuditTrail.Event> events) throws SQLException {
            AuditTrail.write(c, events, keptBytes);
        }

        /** A declaration the adapter forwards, for the return requests and cancellations that will name it. */
        public void declaredInventory(String declarant, String localReference, String direction, String orderNumber,
                                      Map<Integer, BigDecimal> quantities) throws SQLException {
            Inventories.declared(c, declarant, localReference, direction, orderNumber, quantities);
        }

        /** An export inventory the adapter forwards, by its parcel: arrivals, departures and the monthly summary. */
        public void exportParcel(String declarant, String localReference, String carrier, String waybill, String seller,
                                 byte[] declaration) throws SQLException {
            ExportParcels.declared(c, declarant, localReference, carrier, waybill, seller, declaration);
        }

        /** An export parcel reported arriving at a supervised site or leaving the country. */
        public void parcelMoved(String declarant, String localReference, boolean departure, java.time.Instant at) throws SQLException {
            ExportParcels.moved(c, declarant, localReference, departure, at);
        }

        /** A return request accepted (import or export): what it takes back of its inventory. */
        public void returnAccepted(Returns.Request request) throws SQLException {
            Returns.accepted(c, request);
        }

        /** The tally of a returned export parcel (its record key) closes its return. */
        public void returnTallied(Returns.Kept kept, String tally) throws SQLException {
            Returns.closed(c, kept, tally);
        }

        public void addToBuyer(String buyerKey, int year, BigDecimal amount) throws SQLException {
            totals.add(c, buyerKey, year, amount);
        }
    }
}
