package org.wcoecom.adapter.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RawHttp;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * A partner's request the gate let in before the adapter began to stop is answered as usual, even
 * when its body is still arriving then: Camel does not count it in flight until the body is read,
 * so the stop must wait for what the gate let in (it failed such a request with 500 after the
 * shutdown timeout).
 */
class StopAnswersRequestsLetInTest {

    @Test
    void a_request_whose_body_is_still_arriving_when_the_stop_begins_is_accepted(@TempDir Path data) throws Exception {
        TestAdapter adapter = new TestAdapter(data, Map.of("adapter.http.request-timeout", "30000"));
        byte[] order = Messages.utf8(Messages.single(Messages.orderNo("STOPPING")));
        int half = order.length / 2;
        Thread stopper = new Thread(adapter::close, "stopper");
        try (RawHttp http = RawHttp.connect(adapter.httpPort())) {
            http.head("POST /api/v1/messages HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/xml",
                    "X-Api-Key: " + adapter.apiKey("demo-platform"), "Content-Length: " + order.length);
            http.write(Arrays.copyOfRange(order, 0, half));
            // the head has passed the gate (the key is checked before any body is read)
            Thread.sleep(500);

            stopper.start();
            // long enough for a stop that does not wait to have stopped the routes
            Thread.sleep(3000);
            assertTrue(stopper.isAlive(), "the stop did not wait for the request it had let in");
            http.write(Arrays.copyOfRange(order, half, order.length));

            assertEquals(200, http.status(Duration.ofSeconds(30)), "the request let in before the stop");
        } finally {
            if (stopper.getState() == Thread.State.NEW) {
                adapter.close();
            }
            stopper.join(60_000);
        }
        assertFalse(stopper.isAlive(), "the stop ends once the request is answered");
    }
}
