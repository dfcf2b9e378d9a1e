package org.wcoecom.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every table grows only by what retention keeps: audit events for adapter.retention.audit-days,
 * records received and who sent them for adapter.retention.records-days (as far back as the duplicate
 * check sees) and which records were corrected, unconfirmed cross-check decisions a week; and of a
 * rejected message only a prefix.
 */
class RetentionTest {

    @Test
    void rows_older_than_their_horizon_are_deleted_and_newer_ones_kept(@TempDir Path data) throws Exception {
        try (Database db = Database.embedded(data, "NORMAL")) {
            AuditTrail audit = new AuditTrail(db.dataSource(), 65536);
            ReceivedRecords received = new ReceivedRecords(db.dataSource());
            RecordSenders senders = new RecordSenders(db.dataSource());
            CrossCheckStore crossCheck = new CrossCheckStore(db.dataSource(), Dialect.SQLITE);
            Instant old = Instant.now().minus(Duration.ofDays(400));
            audit.record(List.of(event(old, "p:old"), event(Instant.now(), "p:new")));
            Ledger ledger = new Ledger(db.dataSource(), 65536, new BuyerTotals(db.dataSource(), db.dialect()));
            ledger.inTransaction(tx -> tx.claim("p", List.of(new ReceivedRecords.Candidate("old#1", "p:old"),
                    new ReceivedRecords.Candidate("new#1", "p:new")), "d1"));
            senders.register(new RecordSenders.Sender("ceb311", "p:old", "p", "http"), Map.of("ORDER_NUMBER", "old"));
            senders.register(new RecordSenders.Sender("ceb311", "p:new", "p", "http"), Map.of("ORDER_NUMBER", "new"));
            crossCheck.inTransaction(tx -> {
                tx.applied("message:old", List.of());
                tx.corrected("p", "p:old");
                tx.corrected("p", "p:new");
                return null;
            });
            Inventories inventories = new Inventories(db.dataSource());
            ledger.inTransaction(tx -> {
                tx.declaredInventory("AGENT", "old", "IMPORT", "old", Map.of(1, java.math.BigDecimal.ONE));
                tx.declaredInventory("AGENT", "new", "IMPORT", "new", Map.of(1, java.math.BigDecimal.ONE));
                return null;
            });
            age(db, old);

            new Retention(audit, received, senders, crossCheck, inventories, Duration.ofDays(180), Duration.ofDays(90)).purge();

            assertEquals(0, audit.history("p:old").size());
            assertEquals(1, audit.history("p:new").size());
            assertEquals(1, count(db, "received_record"));
            assertEquals(1, count(db, "record_ref"));
            assertEquals(0, count(db, "crosscheck_applied"));
            assertEquals(1, count(db, "crosscheck_corrected"));
            assertEquals(1, count(db, "declared_inventory"));
            assertEquals(1, count(db, "declared_inventory_line"));
        }
    }

    @Test
    void a_rejected_message_is_kept_as_a_prefix_and_the_digest_of_all_of_it(@TempDir Path data) throws Exception {
        try (Database db = Database.embedded(data, "NORMAL")) {
            AuditTrail audit = new AuditTrail(db.dataSource(), 1024);
            byte[] message = new byte[200_000];
            audit.record(List.of(new AuditTrail.Event(Instant.now(), AuditTrail.RECEIVED, "p", "http", "ceb311", "m", "p:big",
                    AuditTrail.sha256(message), "REJECTED", "too large", message)));
            try (var c = db.dataSource().getConnection();
                 var r = c.createStatement().executeQuery("SELECT content, content_sha256 FROM audit_event WHERE record_id = 'p:big'")) {
                r.next();
                assertEquals(1024, r.getBytes(1).length);
                assertEquals(AuditTrail.sha256(message), r.getString(2));
            }
        }
    }

    private static AuditTrail.Event event(Instant at, String recordId) {
        return new AuditTrail.Event(at, AuditTrail.RECEIVED, "p", "http", "ceb311", "m", recordId, "00", "ACCEPTED", "", null);
    }

    /** Makes the rows of the records named "old" as old as the given time. */
    private static void age(Database db, Instant old) throws Exception {
        try (var c = db.dataSource().getConnection()) {
            for (String sql : List.of("UPDATE received_record SET first_seen = ? WHERE record_id = 'p:old'",
                    "UPDATE record_ref SET created_at = ? WHERE record_id = 'p:old'",
                    "UPDATE crosscheck_applied SET created_at = ?",
                    "UPDATE crosscheck_corrected SET corrected_at = ? WHERE record_id = 'p:old'",
                    "UPDATE declared_inventory SET updated_at = ? WHERE local_ref = 'old'")) {
                try (var s = c.prepareStatement(sql)) {
                    s.setTimestamp(1, Timestamp.from(old));
                    s.executeUpdate();
                }
            }
        }
    }

    private static int count(Database db, String table) throws Exception {
        try (var c = db.dataSource().getConnection(); var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }
}
