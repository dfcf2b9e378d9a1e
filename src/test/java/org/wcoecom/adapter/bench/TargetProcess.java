package org.wcoecom.adapter.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.wcoecom.adapter.settings.Settings;

/**
 * A {@link BenchTarget} in a JVM of its own: started with a heap limit, its settings in a file in
 * its data folder, its log in {@code target.log} there. Its resident memory (VmHWM) and the sizes
 * of its store and broker files are read from outside; its counters are asked for.
 */
final class TargetProcess implements AutoCloseable {

    private final Process process;
    private final Path data;
    private final PrintWriter commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Map<String, String> passwords = new HashMap<>();
    private String url;

    private TargetProcess(Process process, Path data) {
        this.process = process;
        this.data = data;
        this.commands = new PrintWriter(new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread reader = new Thread(this::readReplies, "bench-target-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the target on a throw-away data folder with the settings given (and free loopback
     * ports), and waits until it is ready.
     *
     * @param role       adapter, reference or splitting
     * @param jvmOptions e.g. -Xmx512m
     */
    static TargetProcess start(String role, Settings settings, Path data, List<String> jvmOptions, int waitSeconds) throws Exception {
        Settings own = settings.with("adapter.data.dir", data.toString())
                .with("adapter.http.host", "127.0.0.1").with("adapter.http.port", String.valueOf(FreePorts.next()))
                .with("adapter.broker.host", "127.0.0.1").with("adapter.broker.port", String.valueOf(FreePorts.next()))
                .with("adapter.broker.operator-host", "127.0.0.1").with("adapter.broker.operator-port", String.valueOf(FreePorts.next()))
                .with("adapter.soap.host", "127.0.0.1").with("adapter.soap.port", String.valueOf(FreePorts.next()))
                // a throw-away adapter: its declarations may be signed with a key it makes itself
                .with("adapter.signing.allow-self-signed", "true");
        Files.createDirectories(data);
        Path file = data.resolve("bench-target.properties");
        Properties p = new Properties();
        p.putAll(own.all());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "settings of a bench target");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        // the bench's own class path: the bench jar (its manifest names the adapter's jar, lib/ and bench-lib/), or under
        // surefire the test class path; either holds the adapter, this package and the reference routes' camel-xpath
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchTarget.class.getName(), role, file.toString()));
        Process process = new ProcessBuilder(command).redirectError(data.resolve("target.log").toFile()).start();
        TargetProcess target = new TargetProcess(process, data);
        target.awaitReady(waitSeconds);
        return target;
    }

    private void readReplies() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(BenchTarget.PREFIX)) {
                    replies.add(line.substring(BenchTarget.PREFIX.length()));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        replies.add("ended");
    }

    private void awaitReady(int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = replies.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals("ended")) {
                throw new IllegalStateException("the bench target did not start" + (line == null ? " in " + seconds + " s" : "")
                        + "; its log: " + data.resolve("target.log") + "\n" + tail(data.resolve("target.log")));
            }
            String[] words = line.split(" ");
            switch (words[0]) {
                case "url" -> url = words[1];
                case "user" -> passwords.put(words[1], words[2]);
                case "ready" -> {
                    return;
                }
                default -> {
                    // not for us
                }
            }
        }
    }

    String url() {
        return url;
    }

    String password(String user) {
        String p = passwords.get(user);
        if (p == null) {
            throw new IllegalStateException("the bench target named no password for " + user);
        }
        return p;
    }

    /** Its counters now. */
    synchronized Meter.Sample sample() throws Exception {
        commands.println("counters");
        String line = replies.poll(30, TimeUnit.SECONDS);
        if (line == null || !line.startsWith("counters ")) {
            throw new IllegalStateException("the bench target did not answer with its counters: " + line);
        }
        String[] n = line.split(" ");
        return new Meter.Sample(Long.parseLong(n[1]), Long.parseLong(n[2]), Long.parseLong(n[3]), Long.parseLong(n[4]), Long.parseLong(n[5]));
    }

    /** Peak resident memory of the process so far (VmHWM), 0 where /proc is not there. */
    long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return 0;
    }

    /** The store's bytes (the embedded database and its write-ahead log) and the broker's (journal, paging, large messages). */
    Result.Sizes sizes(double seconds) {
        Path broker = data.resolve("broker");
        return new Result.Sizes(seconds, bytes(data.resolve("db")), bytes(broker.resolve("journal")) + bytes(broker.resolve("paging"))
                + bytes(broker.resolve("large-messages")));
    }

    private static long bytes(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            commands.println("stop");
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        OutputStream ignored = process.getOutputStream();
        ignored.close();
    }
}
