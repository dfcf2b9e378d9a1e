package org.wcoecom.adapter.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run the way the README says, from the project root, as a child JVM (bound to
 * loopback): its output is collected line by line on a thread of its own, since a process that ends
 * closes its pipe under a reader.
 */
public final class PackagedAdapter implements AutoCloseable {

    public static final Path JAR = Project.root().resolve("target/wco-ecom-adapter.jar");

    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;

    private PackagedAdapter(Process process) {
        this.process = process;
        this.reader = new Thread(this::collectOutput, "packaged-adapter-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void collectOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output ended: " + e.getMessage() + ")");
        }
    }

    /** Starts {@code java -jar target/wco-ecom-adapter.jar ARGS...}. */
    public static PackagedAdapter start(List<String> args) throws IOException {
        return start(List.of(), args);
    }

    /** Starts {@code java JVM-OPTIONS... -jar target/wco-ecom-adapter.jar ARGS...} (e.g. a heap limit). */
    public static PackagedAdapter start(List<String> jvmOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        // ports of their own for what the test does not reach (run --operator-port and --management-port win over the properties); the packaged
        // adapter signs its declarations with a key it makes itself (outside --demo only when allowed)
        command.addAll(List.of("-Dadapter.signing.allow-self-signed=true", "-Dadapter.http.host=127.0.0.1", "-Dadapter.broker.host=127.0.0.1",
                "-Dadapter.soap.host=127.0.0.1", "-Dadapter.soap.port=" + freePort(), "-Dadapter.management.port=" + freePort(),
                "-Dadapter.broker.operator-port=" + freePort(), "-jar", JAR.toString()));
        command.addAll(args);
        return new PackagedAdapter(new ProcessBuilder(command).directory(Project.root().toFile())
                .redirectErrorStream(true).start());
    }

    /** Waits until a line starting with the prefix has been printed; false if none came in time. */
    public boolean awaitLine(String prefix, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!printed(prefix)) {
            if (!process.isAlive()) {
                reader.join(10_000); // the last lines may still be on their way
                return printed(prefix);
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private boolean printed(String prefix) {
        return lines().stream().anyMatch(l -> l.startsWith(prefix));
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public String output() {
        return String.join("\n", lines());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's process id (for a thread dump when a test fails). */
    public long pid() {
        return process.pid();
    }

    /** Waits for the process to end by itself (a fault injected into it halts it); its exit code, or empty if it still runs. */
    public java.util.Optional<Integer> awaitExit(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? java.util.Optional.of(process.exitValue()) : java.util.Optional.empty();
    }

    /** SIGKILL: no shutdown hook runs, nothing is closed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the adapter survived SIGKILL");
        }
    }

    /**
     * SIGTERM (Process.destroy() would also close the output pipe), then waits for the process and
     * the last of its output; false if it did not stop in time.
     */
    public boolean terminate(Duration wait) throws InterruptedException {
        process.toHandle().destroy();
        boolean stopped = process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (stopped) {
            reader.join(10_000);
        }
        return stopped;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** A secret the adapter generated into its data folder (an API key, a broker password). */
    public static String secret(Path dataDir, String name) {
        return org.wcoecom.adapter.security.Secrets.open(dataDir.resolve("secrets/secrets.properties"), false).find(name)
                .orElseThrow(() -> new AssertionError("no secret " + name + " in " + dataDir));
    }

    /** A connection factory for the child's broker as the operator (every queue), on its operator port (run --operator-port). */
    public static org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory operator(Path dataDir, int operatorPort) {
        return new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("tcp://127.0.0.1:" + operatorPort, "operator",
                secret(dataDir, "operator.broker-password"));
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A loopback port nobody listens on right now and that no other test of this JVM was given.
     * Ports come from below the kernel's ephemeral range (32768+): a port the kernel picked with
     * {@code new ServerSocket(0)} and released could be handed to an outgoing connection's local end before
     * the test's server bound it, which made a SOAP test post to the wrong listener.
     */
    public static synchronized int freePort() throws IOException {
        for (int tries = 0; tries < PORT_SPAN; tries++) {
            int port = PORT_BASE + Math.floorMod(nextPort++, PORT_SPAN);
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException inUse) {
                // taken by something else on this machine: try the next one
            }
        }
        throw new IOException("no free loopback port in " + PORT_BASE + ".." + (PORT_BASE + PORT_SPAN));
    }

    private static final int PORT_BASE = 20000;
    private static final int PORT_SPAN = 12000;
    /** Starts at a place that depends on the process, so two test JVMs at once rarely meet. */
    private static int nextPort = (int) (ProcessHandle.current().pid() * 97 % PORT_SPAN);
}
