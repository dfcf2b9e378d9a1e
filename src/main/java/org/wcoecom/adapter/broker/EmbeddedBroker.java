package org.wcoecom.adapter.broker;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The embedded, persistent Artemis broker: journal under {@code <data>/broker}, reachable in-VM
 * (the adapter itself) and over TCP (partners).
 *
 * <p>Messages that keep failing are redelivered a bounded number of times with growing delays,
 * then moved to a dead-letter queue {@code DLQ.<queue>} on address {@code DLQ}; nothing is
 * dropped.
 */
public final class EmbeddedBroker implements AutoCloseable {

    static final int MAX_DELIVERY_ATTEMPTS = 5;
    // each broker of the JVM gets its own in-VM address (tests run a second adapter beside the first)
    private static final AtomicInteger IN_VM_IDS = new AtomicInteger();

    private final Path dataDir;
    private final String host;
    private final int port;
    private final String inVmUrl = "vm://" + IN_VM_IDS.getAndIncrement();
    private EmbeddedActiveMQ server;

    public EmbeddedBroker(Path dataDir, String host, int port) {
        this.dataDir = dataDir.resolve("broker");
        this.host = host;
        this.port = port;
    }

    public synchronized void start() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("wco-ecom-adapter")
                .setPersistenceEnabled(true)
                // partner authentication arrives with the security issue; until then the broker is open
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setGracefulShutdownEnabled(true)
                .setGracefulShutdownTimeout(10_000);
        config.addAcceptorConfiguration("in-vm", inVmUrl);
        config.addAcceptorConfiguration("tcp", "tcp://" + host + ":" + port + "?protocols=CORE");
        config.addAddressSetting("#", new AddressSettings()
                .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(30_000)
                .setDeadLetterAddress(SimpleString.of("DLQ"))
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of("DLQ."))
                // nothing the adapter sends expires, but a partner's message might: keep it
                .setExpiryAddress(SimpleString.of("EXPIRED"))
                .setAutoCreateExpiryResources(true)
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false));
        server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        if (!server.getActiveMQServer().isActive()) {
            // Artemis logs start-up failures (a taken port, a locked journal) and carries on half-started
            close();
            throw new IllegalStateException("the embedded broker did not start (is port " + port
                    + " or the journal in " + dataDir + " in use by another process?)");
        }
    }

    /** Where the adapter itself connects: in the same JVM, without sockets. */
    public String inVmUrl() {
        return inVmUrl;
    }

    public String tcpUrl() {
        return "tcp://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + port;
    }

    public Path journalDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
