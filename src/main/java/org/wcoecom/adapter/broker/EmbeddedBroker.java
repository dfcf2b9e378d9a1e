package org.wcoecom.adapter.broker;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * The embedded, persistent Artemis broker: journal under {@code <data>/broker}, reachable in-VM
 * (the adapter itself) and over TCP (partners).
 *
 * <p>Security is on: only the users of {@link BrokerUsers} connect, each to its own queues.
 *
 * <p>A message whose processing fails is redelivered with growing delays; the adapter itself moves
 * it to {@code DLQ.<stage>} with the reason on its last attempt. Should even that fail, the broker
 * moves it after one more attempt to {@code DLQ.<queue>}: nothing is dropped.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /**
     * How failed deliveries are retried: the adapter's attempts, the first delay and its growth, the
     * longest delay (ms).
     */
    public record Redelivery(int maxAttempts, long delay, double multiplier, long maxDelay) {
    }

    /**
     * How much an address may hold in memory before the full policy applies: PAGE (to disk, the
     * default), BLOCK (senders wait) or FAIL (senders are refused); -1 bytes: the broker's global
     * limit alone.
     */
    public record AddressLimit(long maxBytes, String fullPolicy) {
    }

    // each broker of the JVM gets its own in-VM address (tests run a second adapter beside the first)
    private static final AtomicInteger IN_VM_IDS = new AtomicInteger();

    private final Path dataDir;
    private final String host;
    private final int port;
    private final String inVmUrl = "vm://" + IN_VM_IDS.getAndIncrement();
    private final BrokerUsers users;
    private final Redelivery redelivery;
    private final AddressLimit limit;
    private final java.util.Map<String, AddressLimit> addressLimits = new java.util.LinkedHashMap<>();
    /** partners' messages larger than this are refused at send; none when not positive */
    private long maxPartnerMessageBytes;
    /** Artemis' default for the NIO journal: it waits that long to gather writes before each sync */
    private long journalBufferTimeoutNanos = 3_333_333;
    private EmbeddedActiveMQ server;
    private org.apache.activemq.artemis.core.config.impl.SecurityConfiguration security;

    public EmbeddedBroker(Path dataDir, String host, int port, BrokerUsers users, Redelivery redelivery, AddressLimit limit) {
        this.dataDir = dataDir.resolve("broker");
        this.host = host;
        this.port = port;
        this.users = users;
        this.redelivery = redelivery;
        this.limit = limit;
    }

    /** A limit of its own for one address (the destination the customs gateway reads, say). */
    public EmbeddedBroker limit(String address, AddressLimit addressLimit) {
        addressLimits.put(address, addressLimit);
        return this;
    }

    /**
     * How long the journal gathers writes before it syncs them to disk. Every transaction commit waits
     * for that sync, so this is the floor of each commit's latency; Artemis' default (3.3 ms) suits a
     * slow disk, an SSD syncs in a fraction of it. Concurrent commits still share one sync.
     */
    public EmbeddedBroker journalBufferTimeout(java.time.Duration timeout) {
        journalBufferTimeoutNanos = timeout.toNanos();
        return this;
    }

    /**
     * Refuses partners' messages (to {@code partner.<id>.in}) larger than this when they are sent,
     * before the broker stores them.
     */
    public EmbeddedBroker maxPartnerMessageBytes(long bytes) {
        maxPartnerMessageBytes = bytes;
        return this;
    }

    public synchronized void start() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("wco-ecom-adapter")
                .setPersistenceEnabled(true)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalBufferTimeout_NIO((int) Math.min(Integer.MAX_VALUE, journalBufferTimeoutNanos))
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setGracefulShutdownEnabled(true)
                .setGracefulShutdownTimeout(10_000);
        config.addAcceptorConfiguration("in-vm", inVmUrl);
        config.addAcceptorConfiguration("tcp", "tcp://" + host + ":" + port + "?protocols=CORE");
        users.applyTo(config);
        config.addAddressSetting("#", new AddressSettings()
                // one more than the adapter's own attempts: the adapter dead-letters on its last one
                .setMaxDeliveryAttempts(redelivery.maxAttempts() + 1)
                .setRedeliveryDelay(redelivery.delay())
                .setRedeliveryMultiplier(redelivery.multiplier())
                .setMaxRedeliveryDelay(redelivery.maxDelay())
                .setMaxSizeBytes(limit.maxBytes())
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.valueOf(limit.fullPolicy()))
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
        // Artemis merges the settings of every match, the most specific winning field by field
        addressLimits.forEach((address, l) -> config.addAddressSetting(address, new AddressSettings()
                .setMaxSizeBytes(l.maxBytes())
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.valueOf(l.fullPolicy()))));
        if (maxPartnerMessageBytes > 0) {
            config.registerBrokerPlugin(new MessageSizeLimit(maxPartnerMessageBytes));
        }
        server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        security = users.securityConfiguration();
        server.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), security));
        server.start();
        if (!server.getActiveMQServer().isActive()) {
            // Artemis logs start-up failures (a taken port, a locked journal) and carries on half-started
            close();
            throw new IllegalStateException("the embedded broker did not start (is port " + port
                    + " or the journal in " + dataDir + " in use by another process?)");
        }
    }

    /**
     * A partner added while the broker runs (a reload of the partners file): its user and role, its
     * two queues with their permissions, and its queue's limit, as if it had been there at start.
     */
    public synchronized void addPartner(String id, String password, AddressLimit partnerLimit) throws Exception {
        var active = server.getActiveMQServer();
        security.addUser(id, password);
        security.addRole(id, BrokerUsers.partnerRole(id));
        for (var e : BrokerUsers.partnerPermissions(id).entrySet()) {
            active.getSecurityRepository().addMatch(e.getKey(), e.getValue());
            if (active.locateQueue(SimpleString.of(e.getKey())) == null) {
                active.createQueue(org.apache.activemq.artemis.api.core.QueueConfiguration.of(e.getKey())
                        .setRoutingType(org.apache.activemq.artemis.api.core.RoutingType.ANYCAST));
            }
        }
        active.getAddressSettingsRepository().addMatch("partner." + id + ".in", new AddressSettings()
                .setMaxSizeBytes(partnerLimit.maxBytes())
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.valueOf(partnerLimit.fullPolicy())));
    }

    /**
     * A partner removed while the broker runs: its user can no longer log in (a connection it has
     * open stays until it closes or the adapter restarts); its queues and what they hold are kept.
     */
    public synchronized void removePartner(String id) {
        security.removeUser(id);
        security.removeRole(id, BrokerUsers.partnerRole(id));
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
