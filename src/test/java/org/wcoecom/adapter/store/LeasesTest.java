package org.wcoecom.adapter.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A timer job runs on one node at a time: the node holding its lease renews it, another node takes
 * it only once it has expired or was given up. On the embedded database, and on PostgreSQL where
 * ADAPTER_TEST_POSTGRES_URL names a server.
 */
class LeasesTest {

    @Test
    void one_node_holds_a_job_until_its_lease_ends(@TempDir Path data) throws Exception {
        try (Database db = Database.embedded(data, "NORMAL")) {
            check(db);
        }
    }

    @Test
    void on_postgresql_too() throws Exception {
        String server = System.getenv("ADAPTER_TEST_POSTGRES_URL");
        assumeTrue(server != null && !server.isBlank(), "no PostgreSQL server (ADAPTER_TEST_POSTGRES_URL)");
        String database = "adapter_leases_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        try (Database db = Database.open(server.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"), null, null)) {
            check(db);
        }
    }

    private static void check(Database db) throws InterruptedException {
        Leases a = new Leases(db.dataSource(), "node-a");
        Leases b = new Leases(db.dataSource(), "node-b");
        assertTrue(a.take("retention", Duration.ofMillis(600)), "the first node takes the free lease");
        assertFalse(b.take("retention", Duration.ofMillis(600)), "the other node does not while it is held");
        assertTrue(a.take("retention", Duration.ofMillis(600)), "the holder renews it");
        assertFalse(b.take("retention", Duration.ofMillis(600)));
        Thread.sleep(800);
        assertTrue(b.take("retention", Duration.ofMillis(600)), "the other node takes it once it has expired (the holder died)");
        assertFalse(a.take("retention", Duration.ofMillis(600)), "and the first no longer has it");
        b.release("retention");
        assertTrue(a.take("retention", Duration.ofMillis(600)), "a lease given up is taken at once");
        assertTrue(a.take("other-job", Duration.ofMillis(600)) && b.take("third-job", Duration.ofMillis(600)), "jobs are leased apart");
    }
}
