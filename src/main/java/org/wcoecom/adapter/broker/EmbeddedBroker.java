package org.wcoecom.adapter.broker;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The embedded, persistent Artemis broker: journal under {@code <data>/broker}, reachable in-VM
 * (the adapter itself), over TCP for partners and the customs gateway (with TLS only, when the
 * adapter has a TLS identity), and, when configured, on an acceptor of the operator's own
 * (loopback by default).
 *
 * <p>Security is on: only the users of {@link BrokerUsers} connect, each to its own queues, and the
 * operator only in-VM or on its own acceptor ({@link AcceptorSecurity}).
 *
 * <p>A message whose processing fails is redelivered with growing delays; the adapter itself moves
 * it to {@code DLQ.<stage>} with the reason on its last attempt. Should even that fail, the broker
 * moves it after one more attempt to {@code DLQ.<queue>}: nothing is dropped.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private boolean jmx;

    /**
     * How failed deliveries are retried: the adapter's attempts, the first delay and its growth, the
     * longest delay (ms).
     */
    public record Redelivery(int maxAttempts, long delay, double multiplier, long maxDelay) {
    }

    /** The PKCS#12 keystore with the broker's TLS key and certificate. */
    public record Keystore(Path file, String password) {
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
    /** multicast addresses (canonical kinds) and the names of the queues bound to each */
    private final java.util.Map<String, java.util.List<String>> multicast = new java.util.LinkedHashMap<>();
    /** partners' messages larger than this are refused at send; none when not positive */
    private long maxPartnerMessageBytes;
    /** Artemis' default for the NIO journal: it waits that long to gather writes before each sync */
    private long journalBufferTimeoutNanos = 3_333_333;
    private Optional<Keystore> tls = Optional.empty();
    private String operatorHost;
    private int operatorPort = -1;
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

    /** Partners reach the broker with TLS only (and the operator too, on an acceptor that is not loopback). */
    public EmbeddedBroker tls(Optional<Keystore> identity) {
        this.tls = identity;
        return this;
    }

    /** An acceptor for the operator alone (the only one the operator may log in on over TCP). */
    public EmbeddedBroker operatorAcceptor(String host, int port) {
        this.operatorHost = host;
        this.operatorPort = port;
        return this;
    }

    /**
     * A multicast address with its queues, made before anything is published on it: a message published on
     * the address is stored once, and every queue gets it.
     */
    public EmbeddedBroker multicast(String address, java.util.List<String> queues) {
        multicast.put(address, java.util.List.copyOf(queues));
        return this;
    }

    /**
     * The broker's management as MBeans in the JVM's platform MBean server (adapter.broker.management):
     * local JMX tools reach them by attaching to the process; nothing listens on a port for it.
     */
    public EmbeddedBroker jmx(boolean enabled) {
        this.jmx = enabled;
        return this;
    }

    public synchronized void start() throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("wco-ecom-adapter")
                .setPersistenceEnabled(true)
                // the broker's MBeans, for JMX tools on this host (jconsole, VisualVM), only when the operator asks
                .setJMXManagementEnabled(jmx)
                .setJournalType(JournalType.NIO)
                .setJournalBufferTimeout_NIO((int) Math.min(Integer.MAX_VALUE, journalBufferTimeoutNanos))
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                .setGracefulShutdownEnabled(true)
                .setGracefulShutdownTimeout(10_000)
                // cached logins are keyed by user and password, not by acceptor (see AcceptorSecurity)
                .setAuthenticationCacheSize(0);
        config.addAcceptorConfiguration("in-vm", inVmUrl);
        config.addAcceptorConfiguration(acceptor("tcp", host, port, tls, AcceptorSecurity.PARTNERS));
        if (operatorPort >= 0) {
            config.addAcceptorConfiguration(acceptor("operator", operatorHost, operatorPort,
                    isLoopback(operatorHost) ? Optional.empty() : tls, AcceptorSecurity.OPERATOR));
        }
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
        multicast.forEach((address, queues) -> {
            CoreAddressConfiguration a = new CoreAddressConfiguration().setName(address).addRoutingType(RoutingType.MULTICAST);
            queues.forEach(q -> a.addQueueConfiguration(QueueConfiguration.of(q).setAddress(address)
                    .setRoutingType(RoutingType.MULTICAST).setDurable(true)));
            config.addAddressConfiguration(a);
        });
        // the broker stamps who sent each message: the pipeline trusts a channel's word only from the adapter itself
        config.setPopulateValidatedUser(true);
        if (maxPartnerMessageBytes > 0) {
            config.registerBrokerPlugin(new MessageSizeLimit(maxPartnerMessageBytes));
        }
        server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        security = users.securityConfiguration();
        server.setSecurityManager(new AcceptorSecurity(security));
        server.start();
        if (!server.getActiveMQServer().isActive()) {
            // Artemis logs start-up failures (a taken port, a locked journal) and carries on half-started
            close();
            throw new IllegalStateException("the embedded broker did not start (is port " + port
                    + " or the journal in " + dataDir + " in use by another process?)");
        }
    }

    private static TransportConfiguration acceptor(String name, String host, int port, Optional<Keystore> tls, String securityDomain) {
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, host);
        params.put(TransportConstants.PORT_PROP_NAME, port);
        params.put(TransportConstants.PROTOCOLS_PROP_NAME, "CORE");
        tls.ifPresent(t -> {
            params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
            params.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, "PKCS12");
            params.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, t.file().toString());
            params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, t.password());
            params.put(TransportConstants.ENABLED_PROTOCOLS_PROP_NAME, "TLSv1.2,TLSv1.3");
        });
        // not the acceptor's own parameter: Artemis hands it to the protocol manager, which names the
        // domain at every login
        return new TransportConfiguration(NettyAcceptorFactory.class.getName(), params, name, Map.of("securityDomain", securityDomain));
    }

    /** Whether the address is the loopback interface's (where TLS protects nothing a local user could not read anyway). */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (Exception e) {
            return false;
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
    /** Adds a plugin to the running broker (the benchmark's counters). */
    public synchronized void registerPlugin(org.apache.activemq.artemis.core.server.plugin.ActiveMQServerBasePlugin plugin) {
        server.getActiveMQServer().registerBrokerPlugin(plugin);
    }

    public String inVmUrl() {
        return inVmUrl;
    }

    /** Where partners connect (their client needs the adapter's certificate in its truststore when TLS is on). */
    public String tcpUrl() {
        return "tcp://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + port + (tls.isPresent() ? "?sslEnabled=true" : "");
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
