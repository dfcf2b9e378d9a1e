package org.wcoecom.adapter.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.support.Batches;
import org.wcoecom.adapter.support.PackagedAdapter;

/**
 * A batch file of about 200 MB through the file channel of the packaged adapter with a 256 MB heap:
 * it completes without running out of memory, and every order reaches customs exactly once.
 * Prints the file's size, orders, time, records per second, and the adapter's peak RSS and heap.
 * (-Pbench)
 */
class BatchFileMemoryIT {

    static final long FILE_BYTES = 200L << 20;
    static final String HEAP = "-Xmx256m";
    static final String PARTNER = "demo-platform";
    /** the pipeline takes some 80 orders a second on two shared cores: about 15 minutes for the file, more when busy */
    static final Duration WAIT = Duration.ofMinutes(45);
    /** how long after the file is done the last forwarded records may still come */
    static final Duration FORWARD_WAIT = Duration.ofMinutes(10);

    @Test
    void a_200_mb_batch_file_completes_in_a_256_mb_heap(@TempDir Path data) throws Exception {
        int operatorPort = PackagedAdapter.freePort();
        Path gcLog = data.resolve("gc.log");
        List<String> jvm = List.of(HEAP, "-Xlog:gc:file=" + gcLog);
        List<String> args = List.of("run", "--data", data.toString(), "--http-port", String.valueOf(PackagedAdapter.freePort()),
                "--broker-port", String.valueOf(PackagedAdapter.freePort()), "--operator-port", String.valueOf(operatorPort));
        try (PackagedAdapter adapter = PackagedAdapter.start(jvm, args)) {
            try {
                assertTrue(adapter.awaitLine("wco-ecom-adapter is running", Duration.ofSeconds(120)), adapter.output());
                run(adapter, data, operatorPort, gcLog);
            } finally {
                keep(adapter, gcLog);
            }
        }
    }

    private static void run(PackagedAdapter adapter, Path data, int operatorPort, Path gcLog) throws Exception {
        String prefix = "BENCH-" + System.currentTimeMillis() % 100_000_000;
        Path inbox = data.resolve("inbox").resolve(PARTNER);
        Files.createDirectories(inbox);
        String name = prefix + ".xml";
        int orders = Batches.ordersFor(FILE_BYTES, prefix);
        long idleRssKb = memoryKb(adapter.pid(), "VmRSS:");
        try (ActiveMQConnectionFactory operator = PackagedAdapter.operator(data, operatorPort);
             Customs customs = new Customs(operator, PARTNER + ":" + prefix + "-")) {
            long size = Batches.write(inbox.resolve(name), prefix, orders, UnaryOperator.identity());
            long start = System.nanoTime();
            Optional<Path> ended = awaitEnd(inbox, name, adapter);
            double ingestSeconds = (System.nanoTime() - start) / 1e9;
            customs.awaitCount(orders, FORWARD_WAIT);
            customs.close();
            double allSeconds = (customs.lastAt() - start) / 1e9;
            boolean alive = adapter.isAlive();
            long peakRssKb = memoryKb(adapter.pid(), "VmHWM:");
            // wall-clock time counts whatever else the machine does; the adapter's own CPU time does not
            long cpuSeconds = ProcessHandle.of(adapter.pid()).flatMap(h -> h.info().totalCpuDuration())
                    .map(Duration::toSeconds).orElse(-1L);
            System.out.printf("batch file: %.1f MB, %d orders; in %s after %.0f s (%.0f records/s); %d forwarded (%d twice),"
                            + " the last after %.0f s (%.0f records/s); customs reconnected %d times; adapter %s: %d s of CPU"
                            + " (%.0f records per CPU second), RSS %d MB before the file, peak %d MB; heap %s%n",
                    size / 1e6, orders, ended.map(p -> p.getFileName().toString()).orElse("(not moved)"), ingestSeconds,
                    orders / ingestSeconds, customs.distinct(), customs.twice(), allSeconds, customs.distinct() / allSeconds,
                    customs.reconnects(), HEAP, cpuSeconds, (double) orders / cpuSeconds, idleRssKb / 1024, peakRssKb / 1024,
                    heap(gcLog));
            assertTrue(alive, "the adapter was still running");
            assertTrue(adapter.terminate(Duration.ofSeconds(60)), "the adapter stops when asked");
            assertFalse(adapter.output().contains("OutOfMemoryError"), "no OutOfMemoryError");
            assertEquals(Optional.of(".done"), ended.map(p -> p.getFileName().toString()), "the file ended in .done");
            assertEquals(orders, customs.distinct(), "every order forwarded");
            assertEquals(0, customs.twice(), "none forwarded twice");
        }
    }

    /** The adapter's output and GC log, kept in target/bench/ (the data folder goes with the test). */
    private static void keep(PackagedAdapter adapter, Path gcLog) throws IOException {
        Path bench = Path.of("target", "bench");
        Files.createDirectories(bench);
        Files.writeString(bench.resolve("adapter-output.log"), adapter.output());
        if (Files.exists(gcLog)) {
            Files.copy(gcLog, bench.resolve("gc.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The folder (.done, .error, .failed) the file was moved to, or empty when it was not within the wait. */
    private static Optional<Path> awaitEnd(Path inbox, String name, PackagedAdapter adapter) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && adapter.isAlive()) {
            for (String folder : List.of(".done", ".error", ".failed")) {
                Path dir = inbox.resolve(folder);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        if (files.anyMatch(p -> p.getFileName().toString().endsWith("-" + name))) {
                            return Optional.of(dir);
                        }
                    }
                }
            }
            Thread.sleep(500);
        }
        return Optional.empty();
    }

    /** A memory figure of the process from /proc (VmRSS: resident now, VmHWM: the most it has had), in kB; -1 when unknown. */
    private static long memoryKb(long pid, String field) throws IOException {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith(field))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
    }

    /**
     * From the unified GC log ("Pause Young (Mixed) ... 150M->30M(256M)"): the most heap in use before
     * a collection (about the heap's size: collections start when it fills), and the most left after
     * a collection of the old generation too (mixed or full), i.e. what the adapter really held.
     */
    private static String heap(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return "unknown";
        }
        Pattern pause = Pattern.compile("Pause (Young \\(([^)]+)\\)|Full).*? (\\d+)M->(\\d+)M\\(");
        long inUse = 0;
        long live = 0;
        int full = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                inUse = Math.max(inUse, Long.parseLong(m.group(3)));
                if ("Full".equals(m.group(1)) || "Mixed".equals(m.group(2))) {
                    live = Math.max(live, Long.parseLong(m.group(4)));
                }
                full += "Full".equals(m.group(1)) ? 1 : 0;
            }
        }
        return "peak " + inUse + " MB in use, at most " + live + " MB left after old-generation collections, " + full + " full GCs";
    }

    /**
     * Customs' gateway: takes what the adapter forwards as it comes (as the operator), as customs
     * would, reconnecting when the connection drops. A record forwarded twice is two JMS messages; a
     * message redelivered after a lost acknowledgement is the same message again.
     */
    private static final class Customs implements AutoCloseable {
        private final Map<String, Set<String>> messagesByRecord = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong lastAt = new AtomicLong();
        private final AtomicInteger reconnects = new AtomicInteger();
        private final Thread thread;
        private final String recordPrefix;

        Customs(ActiveMQConnectionFactory operator, String recordPrefix) {
            this.recordPrefix = recordPrefix;
            thread = new Thread(() -> drain(operator), "customs-gateway");
            thread.start();
        }

        private void drain(ActiveMQConnectionFactory operator) {
            while (running.get()) {
                try (Connection c = operator.createConnection()) {
                    c.start();
                    Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    try (MessageConsumer consumer = s.createConsumer(s.createQueue("customs.ceb.out"))) {
                        while (running.get()) {
                            take(consumer.receive(500));
                        }
                    }
                } catch (JMSException e) {
                    if (running.get()) {
                        reconnects.incrementAndGet();
                        System.out.println("customs gateway: " + e + "; reconnecting");
                        sleep();
                    }
                }
            }
        }

        private void take(Message m) throws JMSException {
            String id = m == null ? null : m.getStringProperty("AdapterRecordId");
            if (id != null && id.startsWith(recordPrefix)) {
                messagesByRecord.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(m.getJMSMessageID());
                lastAt.set(System.nanoTime());
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitCount(int expected, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (messagesByRecord.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            // a record forwarded twice would come now
            Thread.sleep(5000);
        }

        int distinct() {
            return messagesByRecord.size();
        }

        long twice() {
            return messagesByRecord.values().stream().filter(ids -> ids.size() > 1).count();
        }

        int reconnects() {
            return reconnects.get();
        }

        long lastAt() {
            return lastAt.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
