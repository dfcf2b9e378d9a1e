package org.wcoecom.adapter.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.broker.ConnectionFactories;
import org.wcoecom.adapter.broker.EmbeddedBroker;
import org.wcoecom.adapter.runtime.AdapterRuntime;
import org.wcoecom.adapter.security.Credentials;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.store.Transactions;

/**
 * The system under test in a JVM of its own (the bench starts it with the heap limit it measures
 * under): the adapter, or one of the stock reference routes on a broker set up exactly like the
 * adapter's. It talks to the bench on its standard streams: it prints {@code BENCH ready}, the
 * broker's TCP address and the users the bench needs, then answers {@code counters} with what it
 * stored, committed and wrote, and stops on {@code stop} or when its input ends.
 *
 * <p>{@code java -Xmx512m -cp <the bench's class path> org.wcoecom.adapter.bench.BenchTarget adapter|reference|splitting <settings file>}:
 * the bench's own class path (the bench jar, whose manifest names the adapter's jar and its libraries,
 * or the test class path under Maven) holds the adapter, this class and the reference routes' libraries.
 */
public final class BenchTarget {

    static final String PREFIX = "BENCH ";
    static final List<String> USERS = List.of(Traffic.PLATFORM, Traffic.PAYMENT, Traffic.LOGISTICS, BrokerUsers.CUSTOMS);

    private BenchTarget() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("adapter", "reference", "splitting").contains(args[0])) {
            System.err.println("usage: BenchTarget adapter|reference|splitting SETTINGS-FILE");
            System.exit(2);
        }
        // the protocol goes to the real standard output; everything else the process prints goes to its error stream
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Settings settings = Settings.load(Optional.of(Path.of(args[1])), Map.of());
        int threads = settings.integer("adapter.jms.concurrent-consumers");
        AutoCloseable running;
        EmbeddedBroker broker;
        Credentials credentials;
        String systemUser;
        if (args[0].equals("adapter")) {
            AdapterRuntime adapter = new AdapterRuntime(settings);
            adapter.start();
            running = adapter;
            broker = adapter.broker().orElseThrow(() -> new IllegalStateException("the bench measures the adapter on its embedded broker"));
            credentials = adapter.credentials();
            systemUser = BrokerUsers.ADAPTER;
        } else {
            String password = UUID.randomUUID().toString();
            AdapterRuntime.StandaloneBroker standalone = AdapterRuntime.standaloneBroker(settings, password);
            broker = standalone.broker();
            broker.start();
            credentials = standalone.credentials();
            systemUser = BrokerUsers.ADAPTER;
            running = startRoute(settings, broker, password, args[0].equals("splitting"), threads);
        }
        BrokerCounters counters = new BrokerCounters(systemUser);
        broker.registerPlugin(counters);
        protocol.println(PREFIX + "url " + broker.tcpUrl());
        for (String user : USERS) {
            protocol.println(PREFIX + "user " + user + " " + credentials.brokerPassword(user).orElseThrow());
        }
        protocol.println(PREFIX + "ready");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.equals("stop")) {
                if (line.equals("counters")) {
                    protocol.println(PREFIX + "counters " + counters.stored() + " " + counters.transactions() + " " + Transactions.commits()
                            + " " + Meter.ownCpuNanos() + " " + JvmUsage.gcMillis());
                }
            }
        } finally {
            running.close();
            if (!args[0].equals("adapter")) {
                broker.close();
            }
            protocol.println(PREFIX + "stopped");
        }
        System.exit(0);
    }

    /** A stock route on the broker, connected the way the adapter connects to its own (in-VM, the adapter's user). */
    private static AutoCloseable startRoute(Settings settings, EmbeddedBroker broker, String password, boolean splitting, int threads)
            throws Exception {
        // the adapter's own factory settings too (each session looks its queues up once), so that the comparison is of routes
        ActiveMQConnectionFactory factory = ConnectionFactories.artemis(broker.inVmUrl(), BrokerUsers.ADAPTER, password);
        CamelContext camel = new DefaultCamelContext();
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(factory);
        // the consumer's own session transaction for what the route sends, as the adapter's routes use
        jms.setLazyCreateTransactionManager(false);
        jms.getConfiguration().setTransacted(true);
        jms.getConfiguration().setCacheLevelName("CACHE_CONSUMER");
        jms.getConfiguration().setConcurrentConsumers(threads);
        camel.addComponent("jms", jms);
        ReferenceRoutes.bindResolvers(camel);
        camel.addRoutes(splitting ? ReferenceRoutes.splitting(settings.home(), threads) : ReferenceRoutes.whole(settings.home(), threads));
        camel.start();
        return () -> {
            camel.close();
            factory.close();
        };
    }
}
