package org.wcoecom.adapter.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.wcoecom.adapter.broker.BrokerPairNode;

/**
 * A replicated Artemis primary/backup pair on loopback, each broker a JVM of its own from the test
 * classpath ({@link BrokerPairNode}), so that a test can kill either with SIGKILL and start it again on
 * its journal. The adapter and the test's clients reach the pair with {@link #url()}.
 */
public final class BrokerPair implements AutoCloseable {

    public static final String PRIMARY = "primary";
    public static final String BACKUP = "backup";

    private final Path dir;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    /** every line either broker printed, with the role in front */
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    public BrokerPair(Path dir) throws IOException {
        this.dir = dir;
        ports.put(PRIMARY, PackagedAdapter.freePort());
        ports.put(BACKUP, PackagedAdapter.freePort());
    }

    /** The broker's port on loopback. */
    public int port(String role) {
        return ports.get(role);
    }

    /** The failover URL of the pair, as the README gives it for adapter.broker.url. */
    public String url() {
        return "(tcp://127.0.0.1:" + ports.get(PRIMARY) + ",tcp://127.0.0.1:" + ports.get(BACKUP)
                + ")?ha=true&reconnectAttempts=-1&retryInterval=200&retryIntervalMultiplier=1.5&maxRetryInterval=2000";
    }

    /** Starts the primary, then the backup, and waits until the backup has its replica of the journal. */
    public void start(Duration wait) throws Exception {
        start(PRIMARY);
        awaitState(PRIMARY, "ACTIVE", wait);
        start(BACKUP);
        awaitState(BACKUP, "BACKUP-IN-SYNC", wait);
    }

    /** Starts one broker of the pair (again) on its folder. */
    public void start(String role) throws IOException {
        String other = PRIMARY.equals(role) ? BACKUP : PRIMARY;
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), BrokerPairNode.class.getName(), role,
                dir.resolve(role).toString(), String.valueOf(ports.get(role)), String.valueOf(ports.get(other)));
        Process p = new ProcessBuilder(command).directory(Project.root().toFile()).redirectErrorStream(true).start();
        processes.put(role, p);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(role + "| " + line);
                }
            } catch (IOException ended) {
                // the broker was killed
            }
        }, "pair-" + role + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** SIGKILL: the broker's JVM ends at once, as on a crash. */
    public void kill(String role) throws InterruptedException {
        Process p = processes.remove(role);
        if (p != null) {
            p.destroyForcibly();
            p.waitFor();
            lines.add(role + "| (killed)");
        }
    }

    /** Waits until the broker printed the state (after anything it printed before the call counts too). */
    public void awaitState(String role, String state, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (lastState(role).equals(state)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(role + " did not reach " + state + " in " + wait + "; its output:\n" + String.join("\n", output(role)));
    }

    /** The broker's state as it last printed it (empty before its first line). */
    public String lastState(String role) {
        String marker = role + "| pair-node " + role + " state=";
        synchronized (lines) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i);
                if (line.equals(role + "| (killed)")) {
                    return "KILLED";
                }
                if (line.startsWith(marker)) {
                    return line.substring(marker.length());
                }
            }
        }
        return "";
    }

    /** What a broker printed, oldest first. */
    public List<String> output(String role) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(role + "| ")).toList();
        }
    }

    /** Every state either broker went through, in order (for the report). */
    public List<String> states() {
        synchronized (lines) {
            return lines.stream().filter(l -> l.contains("pair-node ") || l.endsWith("(killed)")).map(l -> l.replaceAll(".*pair-node ", ""))
                    .toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (String role : List.of(BACKUP, PRIMARY)) {
            kill(role);
        }
    }
}
