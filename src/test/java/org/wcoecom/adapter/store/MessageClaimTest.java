package org.wcoecom.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.store.ReceivedRecords.Candidate;
import org.wcoecom.adapter.store.ReceivedRecords.Claim;

/**
 * The records of one message are claimed together, in one transaction, with the same outcome
 * record by record as claiming them one at a time: new, a duplicate once done, new again for the
 * same delivery (a redelivery), taken over from a delivery that never finished.
 */
class MessageClaimTest {

    private static final List<Candidate> R1_R2_R3 = List.of(new Candidate("r1#a", "r1"), new Candidate("r2#a", "r2"),
            new Candidate("r3#a", "r3"));

    @Test
    void records_of_a_message_are_claimed_like_one_at_a_time(@TempDir Path data) throws Exception {
        try (Database db = Database.embedded(data, "NORMAL")) {
            ReceivedRecords received = new ReceivedRecords(db.dataSource());

            assertEquals(List.of(Claim.NEW, Claim.NEW, Claim.NEW), received.claimAll("p", R1_R2_R3, "delivery-1"));
            assertEquals(List.of(Claim.NEW, Claim.NEW, Claim.NEW), received.claimAll("p", R1_R2_R3, "delivery-1"),
                    "the same delivery again (redelivered after a rollback) is processed again");
            received.done("delivery-1");
            assertEquals(List.of(Claim.DUPLICATE, Claim.DUPLICATE, Claim.DUPLICATE), received.claimAll("p", R1_R2_R3, "delivery-2"));

            // r4 pending under a delivery that died; r5 new; r1 done: a mix, sorted out one by one
            received.claimAll("p", List.of(new Candidate("r4#a", "r4")), "delivery-3");
            List<Candidate> mixed = List.of(new Candidate("r4#a", "r4"), new Candidate("r5#a", "r5"), new Candidate("r1#a", "r1"));
            assertEquals(List.of(Claim.NEW, Claim.NEW, Claim.DUPLICATE), received.claimAll("p", mixed, "delivery-4"));
            assertEquals(List.of(Claim.NEW, Claim.NEW, Claim.NEW), received.claimAll("other-partner", R1_R2_R3, "delivery-5"),
                    "another partner's records of the same ids are its own");

            assertEquals("delivery-4", owner(db, "r4#a"), "taken over");
            assertEquals(8, count(db));
        }
    }

    private static String owner(Database db, String key) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT inbound_id FROM received_record WHERE partner = 'p' AND record_key = '" + key + "'")) {
            r.next();
            return r.getString(1);
        }
    }

    private static int count(Database db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM received_record")) {
            r.next();
            return r.getInt(1);
        }
    }
}
