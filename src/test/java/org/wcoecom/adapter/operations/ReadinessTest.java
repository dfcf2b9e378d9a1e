package org.wcoecom.adapter.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.ExchangeKeys;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.SoapPartners;
import org.wcoecom.adapter.support.TestAdapter;

/**
 * A partner posting while the adapter starts or stops is told to come back (503 with Retry-After),
 * never "not found"; the readiness endpoint on the management port agrees with what partners get.
 */
class ReadinessTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What a partner was answered, and when it sent the message. */
    record Answer(int status, String retryAfter, long sentAt) {
    }

    @Test
    void partners_get_503_while_the_adapter_starts_and_stops_and_200_once_it_is_ready(@TempDir Path data) throws Exception {
        TestAdapter adapter = TestAdapter.unstarted(data, Map.of());
        byte[] order = Messages.utf8(Messages.single(Messages.orderNo("READY")));
        List<Answer> answers = new CopyOnWriteArrayList<>();
        List<Integer> readinessAnswers = new CopyOnWriteArrayList<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (polling.get() && System.nanoTime() < until) {
                readiness(adapter).ifPresent(readinessAnswers::add);
                postAsync(adapter, order).thenAccept(a -> {
                    if (a.status() > 0) {
                        answers.add(a);
                    }
                });
                sleep(50);
            }
        }, "readiness-poller");
        poller.start();
        try {
            adapter.start();
            List<Answer> duringStart = List.copyOf(answers);
            // the adapter says it is ready, and a partner's message is then accepted
            Answer afterReady = awaitReady(adapter, order);
            assertEquals(200, afterReady.status(), "after readiness");

            assertFalse(duringStart.isEmpty(), "no answer while starting: the HTTP port should open before the routes start");
            for (Answer a : duringStart) {
                assertTrue(a.status() == 503 || a.status() == 200, "while starting, a partner got " + a.status());
                if (a.status() == 503) {
                    assertEquals("5", a.retryAfter(), "503 without Retry-After");
                }
            }
            assertTrue(duringStart.stream().anyMatch(a -> a.status() == 503), "no 503 while starting: " + duringStart);
            assertTrue(readinessAnswers.contains(503), "readiness was never down while starting: " + readinessAnswers);
        } finally {
            long stopping = System.nanoTime();
            adapter.close();
            polling.set(false);
            poller.join(10_000);
            // the answers to what was posted once the adapter began to stop (a message it had taken before may
            // still be answered as it ends: accepted, or failed and to be sent again)
            sleep(1000);
            List<Answer> duringStop = answers.stream().filter(a -> a.sentAt() > stopping).toList();
            assertTrue(answers.stream().noneMatch(a -> a.status() == 404), "a partner got 404: " + answers);
            // what was taken before the stop is answered as usual, not failed by the stop
            assertEquals(List.of(), answers.stream().filter(a -> a.sentAt() <= stopping && a.status() != 200 && a.status() != 503)
                    .toList(), "posted before the stop");
            duringStop.forEach(a -> {
                assertEquals(503, a.status(), "posted while stopping");
                assertEquals("5", a.retryAfter(), "503 without Retry-After");
            });
            assertTrue(duringStop.size() >= 3, "too few posts while stopping to tell: " + duringStop);
        }
    }

    @Test
    void readiness_names_its_checks_and_is_down_while_the_disk_is_short(@TempDir Path data) throws Exception {
        ExchangeKeys keys = ExchangeKeys.generate(data.resolve("keys"), "adapter");
        try (TestAdapter adapter = new TestAdapter(data.resolve("soap"), SoapPartners.chinaCustoms("http://127.0.0.1:9/ws", keys, Map.of()))) {
            JsonObject ready = health(adapter, "/health/ready", 200);
            assertEquals("UP", ready.getString("status"));
            for (String check : List.of("context", "broker", "database", "disk", "soap", "route:pipeline", "consumer:ingress-http",
                    "route:ingress-jms-demo-platform")) {
                assertEquals("UP", state(ready, check), check + " in " + ready.encodePrettily());
            }
        }
        // more free space asked than any disk has: not ready (the journal could not be written), yet alive
        try (TestAdapter adapter = new TestAdapter(data.resolve("full"), Map.of("adapter.management.min-free-disk-bytes",
                String.valueOf(Long.MAX_VALUE)))) {
            JsonObject ready = health(adapter, "/health/ready", 503);
            assertEquals("DOWN", state(ready, "disk"), ready.encodePrettily());
            assertTrue(ready.encode().contains("adapter.management.min-free-disk-bytes"), ready.encodePrettily());
            assertEquals("UP", state(ready, "database"), ready.encodePrettily());
            assertEquals("UP", health(adapter, "/health/live", 200).getString("status"));
        }
    }

    /**
     * The health answer once it is the one expected (a poll consumer, such as the inbox's, is only up once
     * it has polled, shortly after the start), or the last one seen after 20 s.
     */
    private static JsonObject health(TestAdapter adapter, String path, int status) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adapter.managementPort() + path))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == status) {
                break;
            }
            sleep(200);
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adapter.managementPort() + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return new JsonObject(r.body());
    }

    private static String state(JsonObject health, String id) {
        return health.getJsonArray("checks").stream().map(JsonObject.class::cast).filter(c -> id.equals(c.getString("id")))
                .map(c -> c.getString("state")).findFirst().orElse("(no such check)");
    }

    private static Answer awaitReady(TestAdapter adapter, byte[] order) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            if (readiness(adapter).orElse(0) == 200) {
                return post(adapter, order).orElseThrow();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the adapter never said it was ready: " + HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + adapter.managementPort() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static java.util.Optional<Integer> readiness(TestAdapter adapter) {
        try {
            return java.util.Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adapter.managementPort()
                    + "/health/ready")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (Exception notListening) {
            return java.util.Optional.empty();
        }
    }

    /** A partner's post; empty while nothing listens (before the port opens, after it closes) or the key is not made yet. */
    private static java.util.Optional<Answer> post(TestAdapter adapter, byte[] order) {
        try {
            return java.util.Optional.of(postAsync(adapter, order).get(30, java.util.concurrent.TimeUnit.SECONDS)).filter(a -> a.status() > 0);
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    /** The answer when it comes (status 0: nothing listened, or no key yet): posts do not wait for each other. */
    private static java.util.concurrent.CompletableFuture<Answer> postAsync(TestAdapter adapter, byte[] order) {
        String key;
        try {
            key = adapter.apiKey("demo-platform");
        } catch (Throwable noKeyYet) {
            return java.util.concurrent.CompletableFuture.completedFuture(new Answer(0, null, 0));
        }
        long sentAt = System.nanoTime();
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adapter.httpPort() + "/api/v1/messages"))
                        .timeout(Duration.ofSeconds(30)).header("X-Api-Key", key).header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(order)).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), sentAt))
                .exceptionally(notListening -> new Answer(0, null, sentAt));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
