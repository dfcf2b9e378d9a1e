package org.wcoecom.adapter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.CrossCheck;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Xml;

/**
 * The adapter on PostgreSQL (adapter.db.url) instead of the embedded H2: the three-document check
 * (aggregation repository, catalogue, buyers' totals, record senders) gives its declaration,
 * duplicates are recognised and the audit trail is written. Runs where ADAPTER_TEST_POSTGRES_URL
 * names a server (.ci/run starts one), on a database of its own.
 */
class PostgresStoreTest {

    @Test
    void the_adapter_runs_on_postgresql(@TempDir Path data) throws Exception {
        String server = System.getenv("ADAPTER_TEST_POSTGRES_URL");
        assumeTrue(server != null && !server.isBlank(), "no PostgreSQL server (ADAPTER_TEST_POSTGRES_URL)");
        String database = "adapter_test_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String url = server.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        CrossCheck.Keys k = CrossCheck.Keys.fresh("PG");
        try (TestAdapter adapter = new TestAdapter(data, Map.of("adapter.db.url", url))) {
            assertEquals(200, adapter.post(Messages.utf8(Messages.order(k.orderNo(), k.transactionId())), CrossCheck.PLATFORM).statusCode());
            assertEquals(200, adapter.post(Messages.utf8(Messages.payment(k.orderNo(), k.transactionId())), CrossCheck.PAYMENT).statusCode());
            assertEquals(200, adapter.post(Messages.utf8(Messages.waybill(k.orderNo(), k.logisticsNo())), CrossCheck.LOGISTICS).statusCode());
            var ceb621 = Xml.parse(TestAdapter.text(adapter.forwarded(k.declarationRecord())));
            assertEquals(k.orderNo(), Xml.value(ceb621, "//ceb:InventoryHead/ceb:orderNo"));
            assertEquals(List.of("1901101010", "3304990099"), Xml.values(ceb621, "//ceb:InventoryList/ceb:gcode"), "from the catalogue");

            var again = adapter.post(Messages.utf8(Messages.order(k.orderNo(), k.transactionId())), CrossCheck.PLATFORM);
            assertEquals(200, again.statusCode());
            assertTrue(again.body().contains("-301010"), again.body());
        }
        try (Database db = Database.open(url, null, null)) {
            List<AuditTrail.Event> history = new AuditTrail(db.dataSource(), 65536).history(CrossCheck.PLATFORM + ":" + k.orderNo());
            assertEquals(List.of("FORWARDED SENT", "RECEIVED ACCEPTED", "RECEIVED DUPLICATE"),
                    history.stream().map(e -> e.event() + " " + e.outcome()).sorted().toList());
        }
    }
}
