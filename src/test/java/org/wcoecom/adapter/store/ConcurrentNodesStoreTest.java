package org.wcoecom.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared store under two adapter nodes at once, on PostgreSQL (where ADAPTER_TEST_POSTGRES_URL
 * names a server): the same record claimed by two deliveries in overlapping transactions is one's and
 * a duplicate for the other, without an error; two messages claiming the same records in opposite
 * orders do not deadlock; and a transaction the database does abort as a deadlock is run again.
 */
class ConcurrentNodesStoreTest {

    private String url;

    @BeforeEach
    void database() throws Exception {
        String server = System.getenv("ADAPTER_TEST_POSTGRES_URL");
        assumeTrue(server != null && !server.isBlank(), "no PostgreSQL server (ADAPTER_TEST_POSTGRES_URL)");
        String database = "adapter_concurrent_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        url = server.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }

    @Test
    void a_record_claimed_by_two_nodes_at_once_is_one_deliverys() throws Exception {
        try (Database db = Database.open(url, null, null)) {
            Ledger ledger = new Ledger(db.dataSource(), 1024, new BuyerTotals(db.dataSource(), db.dialect()));
            List<ReceivedRecords.Candidate> records = List.of(new ReceivedRecords.Candidate("R1#d", "R1"),
                    new ReceivedRecords.Candidate("R2#d", "R2"));
            CountDownLatch firstClaimed = new CountDownLatch(1);
            CountDownLatch secondStarted = new CountDownLatch(1);
            CompletableFuture<List<ReceivedRecords.Claim>> first = CompletableFuture.supplyAsync(() -> ledger.inTransaction(tx -> {
                List<ReceivedRecords.Claim> claims = tx.claim("p", records, "delivery-1");
                firstClaimed.countDown();
                await(secondStarted);
                sleep(300); // the second node's insert now waits for this transaction
                return claims;
            }));
            CompletableFuture<List<ReceivedRecords.Claim>> second = CompletableFuture.supplyAsync(() -> ledger.inTransaction(tx -> {
                await(firstClaimed);
                secondStarted.countDown();
                return tx.claim("p", List.of(records.get(1), records.get(0)), "delivery-2");
            }));
            assertEquals(List.of(ReceivedRecords.Claim.NEW, ReceivedRecords.Claim.NEW), first.get(30, TimeUnit.SECONDS));
            assertEquals(List.of(ReceivedRecords.Claim.DUPLICATE, ReceivedRecords.Claim.DUPLICATE), second.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void a_deadlock_is_retried() throws Exception {
        try (Database db = Database.open(url, null, null)) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE pair_of_rows (id INT PRIMARY KEY, v INT NOT NULL)");
                s.execute("INSERT INTO pair_of_rows VALUES (1, 0), (2, 0)");
            }
            AtomicInteger attempts = new AtomicInteger();
            CountDownLatch bothHoldOne = new CountDownLatch(2);
            CompletableFuture<?> one = crossing(db, 1, 2, attempts, bothHoldOne);
            CompletableFuture<?> two = crossing(db, 2, 1, attempts, bothHoldOne);
            one.get(60, TimeUnit.SECONDS);
            two.get(60, TimeUnit.SECONDS);
            assertEquals(3, attempts.get(), "the database aborted one of the two, which ran again");
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 var r = s.executeQuery("SELECT SUM(v) FROM pair_of_rows")) {
                r.next();
                assertEquals(4, r.getInt(1), "both transactions committed, once each");
            }
        }
    }

    /** A transaction updating one row, then (on its first attempt, once the other holds its row) the other. */
    private static CompletableFuture<?> crossing(Database db, int first, int then, AtomicInteger attempts, CountDownLatch bothHoldOne) {
        return CompletableFuture.runAsync(() -> {
            try {
                Transactions.inTransaction(db.dataSource(), c -> {
                    boolean firstAttempt = attempts.incrementAndGet() <= 2;
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("UPDATE pair_of_rows SET v = v + 1 WHERE id = " + first);
                        if (firstAttempt) {
                            bothHoldOne.countDown();
                            await(bothHoldOne);
                        }
                        s.executeUpdate("UPDATE pair_of_rows SET v = v + 1 WHERE id = " + then);
                    }
                    return null;
                });
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
