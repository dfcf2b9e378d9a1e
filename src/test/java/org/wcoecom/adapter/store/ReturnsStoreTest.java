package org.wcoecom.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The return requests' rows on each database the adapter runs on (the embedded SQLite, H2, and
 * PostgreSQL when {@code ADAPTER_TEST_POSTGRES_URL} names a server): what accepted returns took back of
 * an inventory, a request sent again under its number replacing its own, a request that would take more
 * than is left failing inside its transaction and leaving nothing, customs' refusal freeing what a
 * request took, a tally closing an export return once, and the returns forgotten with their inventory.
 */
class ReturnsStoreTest {

    @TempDir
    static Path data;

    static Stream<String> databases() {
        return Stream.of("sqlite", "h2", "postgresql");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void returns_are_counted_replaced_refused_closed_and_forgotten_with_their_inventory(String kind) throws Exception {
        try (Database db = open(kind)) {
            Returns returns = new Returns(db.dataSource());
            Inventories inventories = new Inventories(db.dataSource());
            Transactions.inTransaction(db.dataSource(), c -> {
                Inventories.declared(c, "AGENT", "COP-1", "EXPORT", "ORDER-1", Map.of(1, new BigDecimal("2"), 2, new BigDecimal("5")));
                return null;
            });
            inventories.answered("AGENT", "COP-1", Optional.of("INVT-1"), true);

            accept(db, request("ENT", "no:A", "1", "LZ1"));
            assertEquals(Map.of(1, new BigDecimal("1")), returns.takenBack("AGENT", "COP-1", "ENT", "no:B"));
            assertEquals(Map.of(), returns.takenBack("AGENT", "COP-1", "ENT", "no:A"), "a request's own rows are left out");

            // sent again under its number, with two: it replaces its one
            accept(db, request("ENT", "no:A", "2", "LZ1"));
            assertEquals(0, new BigDecimal("2").compareTo(returns.takenBack("AGENT", "COP-1", "ENT", "no:B").get(1)));

            // nothing is left of line 1: the transaction fails and writes nothing
            assertThrows(IllegalStateException.class, () -> accept(db, request("ENT", "no:B", "1", "LZ2")));
            assertEquals(Map.of(), returns.takenBack("AGENT", "COP-1", "ENT", "no:A"));

            // customs refused A: it takes nothing back, and there is no return to tally under its waybill
            assertTrue(returns.answered("ENT", "ENT:INVT-1", "A", "100"));
            assertEquals(Map.of(), returns.takenBack("AGENT", "COP-1", "ENT", "no:B"));
            assertEquals(0, returns.byWaybill("CARRIER", "LZ1", Optional.empty()).size());

            accept(db, request("ENT", "no:B", "2", "LZ2"));
            Returns.Kept kept = returns.byWaybill("CARRIER", "LZ2", Optional.of("INVT-1")).get(0);
            assertEquals(Returns.OPEN, kept.state());
            assertEquals(0, returns.byWaybill("CARRIER", "LZ2", Optional.of("INVT-OTHER")).size());
            Transactions.inTransaction(db.dataSource(), c -> {
                Returns.closed(c, kept, "SITE:LZ2#1");
                return null;
            });
            Returns.Kept closed = returns.byWaybill("CARRIER", "LZ2", Optional.empty()).get(0);
            assertEquals(Returns.CLOSED, closed.state());
            assertEquals(Optional.of("SITE:LZ2#1"), closed.closedBy());
            assertThrows(IllegalStateException.class, () -> Transactions.inTransaction(db.dataSource(), c -> {
                Returns.closed(c, kept, "SITE:LZ2#2");
                return null;
            }), "a return is closed once");
            assertEquals(0, new BigDecimal("2").compareTo(returns.takenBack("AGENT", "COP-1", "ENT", "no:C").get(1)),
                    "a closed return still counts");

            // kept as long as the inventory: forgotten with it
            inventories.purge(Instant.now().minus(1, ChronoUnit.DAYS));
            assertEquals(1, returns.byWaybill("CARRIER", "LZ2", Optional.empty()).size());
            inventories.purge(Instant.now().plus(1, ChronoUnit.DAYS));
            assertEquals(0, returns.byWaybill("CARRIER", "LZ2", Optional.empty()).size());
            assertEquals(Map.of(), returns.takenBack("AGENT", "COP-1", "ENT", "no:C"));
        }
    }

    private static Returns.Request request(String partner, String ref, String quantity, String waybill) {
        return new Returns.Request("AGENT", "COP-1", partner, ref, partner + ":INVT-1", "EXPORT", Map.of(1, new BigDecimal(quantity)),
                "CARRIER", waybill);
    }

    private static void accept(Database db, Returns.Request request) throws Exception {
        Transactions.inTransaction(db.dataSource(), c -> {
            Returns.accepted(c, request);
            return null;
        });
    }

    private static Database open(String kind) throws Exception {
        switch (kind) {
            case "sqlite":
                return Database.embedded(data.resolve("sqlite"), "NORMAL");
            case "h2":
                return Database.open("jdbc:h2:file:" + data.resolve("h2/adapter").toAbsolutePath(), null, null);
            default:
                String server = System.getenv("ADAPTER_TEST_POSTGRES_URL");
                assumeTrue(server != null && !server.isBlank(), "no PostgreSQL server (ADAPTER_TEST_POSTGRES_URL)");
                String database = "adapter_returns_" + System.nanoTime();
                try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + database);
                }
                return Database.open(server.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1"), null, null);
        }
    }
}
