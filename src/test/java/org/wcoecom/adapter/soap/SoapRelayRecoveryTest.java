package org.wcoecom.adapter.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.ExchangeKeys;
import org.wcoecom.adapter.support.OverseasCustoms;
import org.wcoecom.adapter.support.PackagedAdapter;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.SoapPartners;
import org.wcoecom.adapter.support.SoapBodies;
import org.wcoecom.adapter.support.SoapEnvelopes;
import org.wcoecom.adapter.support.TestAdapter;
import org.wcoecom.adapter.support.Waits;
import org.wcoecom.adapter.support.Xml;

/**
 * A declaration one customs administration submits over SOAP, for a country whose customs'
 * endpoint is down: the submitter is answered at once, and the declaration reaches the destination
 * customs exactly once when its endpoint comes back.
 */
class SoapRelayRecoveryTest {

    @TempDir
    static Path data;
    static OverseasCustoms destination;
    static TestAdapter adapter;

    @BeforeAll
    static void start() throws Exception {
        ExchangeKeys ours = ExchangeKeys.generate(data.resolve("keys"), "adapter");
        // not started: the destination's endpoint is down
        destination = new OverseasCustoms(PackagedAdapter.freePort(), "wco-ecom-adapter", "test-secret-out").trusting(ours);
        adapter = new TestAdapter(data.resolve("adapter"), SoapPartners.chinaCustoms(destination.address(), ours, Map.ofEntries(
                        Map.entry("adapter.soap.partners", "DE-ZOLL,CN-GACC"),
                        Map.entry("adapter.soap.partner.DE-ZOLL.username", "de-zoll"),
                        Map.entry("adapter.soap.partner.DE-ZOLL.password", "test-secret-de"),
                        Map.entry("adapter.soap.egress.redelivery-delay", "500"),
                        Map.entry("adapter.soap.egress.max-redeliveries", "8"),
                        Map.entry("adapter.soap.egress.max-redelivery-delay", "2000"),
                        // a WCO DM declaration names no data-exchange sender: its CEB621 is sent under ours
                        Map.entry("adapter.egress.ceb.cop-code", "3120966888"),
                        Map.entry("adapter.egress.ceb.cop-name", "上海通关报关代理有限公司"),
                        Map.entry("adapter.egress.ceb.dxp-id", "DXPENT0000966888"))));
    }

    @AfterAll
    static void stop() {
        adapter.close();
        destination.close();
    }

    @Test
    void a_declaration_submitted_over_soap_reaches_the_recovered_destination_once() throws Exception {
        String declaration = Project.read(Project.examples("wco-dm-dec").resolve("declaration-single.xml"));
        HttpResponse<String> response = SoapEnvelopes.post(adapter.soapAddress(), "submitDeclaration",
                SoapEnvelopes.secured(declaration, "de-zoll", "test-secret-de", null));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("01", Xml.value(Xml.parse(SoapBodies.body(response.body())), "/*:Response/*:FunctionCode"));
        assertTrue(adapter.take("DLQ.exchange.declaration", null, Duration.ofSeconds(3)).isEmpty(),
                "nothing dead-lettered while the destination is down");

        destination.start();
        Waits.until(() -> !destination.received().isEmpty(), "the declaration reached the destination after its recovery");
        Thread.sleep(3000);
        assertEquals(1, destination.received().size(), "delivered exactly once");
        assertEquals(1, destination.calls(), "no call reached it while it was down");
    }
}
