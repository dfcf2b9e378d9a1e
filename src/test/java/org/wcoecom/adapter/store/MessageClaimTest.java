package org.wcoecom.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.store.ReceivedRecords.Candidate;
import org.wcoecom.adapter.store.ReceivedRecords.Claim;

/**
 * A message's records are claimed in one transaction: new records are the delivery's; the same
 * delivery again (the broker redelivering after a rollback) takes them again; any other delivery of a
 * claimed record is a duplicate, and a record twice in one message is taken once; the records of a
 * dead-lettered delivery are released for its replay.
 */
class MessageClaimTest {

    @Test
    void new_redelivered_duplicate_and_released(@TempDir Path data) {
        try (Database db = Database.embedded(data, "NORMAL")) {
            Ledger ledger = new Ledger(db.dataSource(), 1024, new BuyerTotals(db.dataSource(), db.dialect()));
            ReceivedRecords received = new ReceivedRecords(db.dataSource());
            List<Candidate> message = List.of(new Candidate("p:1#a", "p:1"), new Candidate("p:2#b", "p:2"));

            assertEquals(List.of(Claim.NEW, Claim.NEW), claim(ledger, message, "delivery-1"));
            assertEquals(List.of(Claim.NEW, Claim.NEW), claim(ledger, message, "delivery-1"), "a redelivery takes its records again");
            assertEquals(List.of(Claim.DUPLICATE, Claim.DUPLICATE), claim(ledger, message, "delivery-2"));
            assertEquals(List.of(Claim.DUPLICATE, Claim.NEW, Claim.DUPLICATE), claim(ledger, List.of(new Candidate("p:1#a", "p:1"),
                    new Candidate("p:3#c", "p:3"), new Candidate("p:3#c", "p:3")), "delivery-3"), "the same record twice in one message");

            received.release("delivery-1");
            assertEquals(List.of(Claim.NEW, Claim.NEW), claim(ledger, message, "delivery-replayed"), "released for a replay");
        }
    }

    private static List<Claim> claim(Ledger ledger, List<Candidate> records, String delivery) {
        return ledger.inTransaction(tx -> tx.claim("p", records, delivery));
    }
}
