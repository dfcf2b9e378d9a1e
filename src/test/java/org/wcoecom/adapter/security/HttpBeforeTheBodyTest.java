package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.RawHttp;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * HTTP: nothing a caller sends is read before its key is checked, and no body is read beyond the
 * limit or for longer than the request timeout. A caller without a key is answered 401 at once and
 * hung up on, however much body it still has to send; a body over the limit gets 413 while it is
 * still coming; a request that stalls is cut off with 408.
 */
class HttpBeforeTheBodyTest {

    /** Far more than the adapter would ever read: if it read the body whole, the test would notice. */
    private static final long ENDLESS = 1L << 40;
    private static final int MAX_BODY = 2 * TestAdapter.MAX_MESSAGE_BYTES;

    @TempDir
    static Path data;
    static TestAdapter adapter;

    @BeforeAll
    static void start() throws Exception {
        adapter = new TestAdapter(data, Map.of(
                "adapter.http.request-timeout", "3000",
                "adapter.http.max-body-bytes", String.valueOf(MAX_BODY)));
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Test
    void a_request_without_a_key_is_answered_401_and_its_endless_body_is_not_read() throws Exception {
        try (RawHttp http = RawHttp.connect(adapter.httpPort())) {
            http.head("POST /api/v1/messages HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/xml",
                    "Transfer-Encoding: chunked").streamForever(true, ENDLESS);

            assertEquals(401, http.status(Duration.ofSeconds(2)), "answered before the body");
            String rest = http.restUntilClosed(Duration.ofSeconds(5));
            assertNotNull(rest, "the adapter hangs up rather than read on");
            assertTrue(rest.contains("not authenticated"), rest);
            assertTrue(http.writerRefused(Duration.ofSeconds(10)), "the body writer is stopped");
            assertTrue(http.written() < 32L * 1024 * 1024, "at most socket buffers were taken: " + http.written());
        }
    }

    @Test
    void a_wrong_key_is_answered_401_before_a_body_announced_as_huge_is_sent() throws Exception {
        try (RawHttp http = RawHttp.connect(adapter.httpPort())) {
            http.head("POST /api/v1/messages HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/xml",
                    "X-Api-Key: not-a-key", "Content-Length: " + (ENDLESS / 2));
            assertEquals(401, http.status(Duration.ofSeconds(2)), "answered without waiting for a single body byte");
            assertNotNull(http.restUntilClosed(Duration.ofSeconds(5)), "and hung up on");
        }
    }

    @Test
    void a_body_over_the_limit_is_answered_413_while_it_is_still_coming() throws Exception {
        try (RawHttp http = RawHttp.connect(adapter.httpPort())) {
            http.head("POST /api/v1/messages HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/xml",
                    "X-Api-Key: " + adapter.apiKey("demo-platform"), "Transfer-Encoding: chunked").streamForever(true, ENDLESS);

            assertEquals(413, http.status(Duration.ofSeconds(10)));
            assertNotNull(http.restUntilClosed(Duration.ofSeconds(5)), "the adapter hangs up rather than read on");
            assertTrue(http.writerRefused(Duration.ofSeconds(10)), "the body writer is stopped");
            assertTrue(http.written() < MAX_BODY + 32L * 1024 * 1024, "read no further than the limit: " + http.written());
        }
    }

    @Test
    void a_body_announced_over_the_limit_is_answered_413_before_it_is_sent() throws Exception {
        try (RawHttp http = RawHttp.connect(adapter.httpPort())) {
            http.head("POST /api/v1/messages HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/xml",
                    "X-Api-Key: " + adapter.apiKey("demo-platform"), "Content-Length: " + (MAX_BODY + 1));
            assertEquals(413, http.status(Duration.ofSeconds(2)));
        }
    }

    @Test
    void a_request_that_stalls_is_cut_off_by_the_timeout() throws Exception {
        try (RawHttp http = RawHttp.connect(adapter.httpPort())) {
            long start = System.nanoTime();
            http.head("POST /api/v1/messages HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/xml",
                    "X-Api-Key: " + adapter.apiKey("demo-platform"), "Content-Length: 5000")
                    .write("<?xml version=\"1.0\"?><CEB311Message".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

            assertEquals(408, http.status(Duration.ofSeconds(10)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofMillis(2500)) > 0 && took.compareTo(Duration.ofSeconds(8)) < 0,
                    "cut off after adapter.http.request-timeout (3 s): " + took);
            assertNotNull(http.restUntilClosed(Duration.ofSeconds(5)), "and hung up on");
        }
    }
}
