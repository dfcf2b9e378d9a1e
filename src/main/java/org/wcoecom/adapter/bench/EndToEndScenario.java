package org.wcoecom.adapter.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.broker.MessageBodies;
import org.wcoecom.adapter.runtime.AdapterRuntime;
import org.wcoecom.adapter.settings.Settings;

/**
 * The adapter as deployed, on its persistent embedded broker (journal synced on every commit, as
 * in production): a partner sends CEB311 messages to {@code partner.<id>.in}; a message is done
 * when every order in it has been forwarded to the customs queue and the partner has its receipt.
 */
final class EndToEndScenario {

    static final String PARTNER = "demo-platform";

    private final Settings settings;
    private final CorpusGenerator generator;

    /** @param settings the adapter's settings for this run (data folder, free ports) */
    EndToEndScenario(Settings settings, CorpusGenerator generator) {
        this.settings = settings;
        this.generator = generator;
    }

    List<Result> run(Mix mix, int threads, int senders, int window, double warmupSeconds, double seconds) throws Exception {
        // a throw-away adapter: its declarations may be signed with a key it makes itself
        try (AdapterRuntime adapter = new AdapterRuntime(settings.with("adapter.jms.concurrent-consumers", String.valueOf(threads))
                .with("adapter.signing.allow-self-signed", "true"))) {
            adapter.start();
            String url = adapter.brokerUrl();
            var partner = new ActiveMQConnectionFactory(url, PARTNER, adapter.credentials().brokerPassword(PARTNER).orElseThrow());
            var customs = new ActiveMQConnectionFactory(url, BrokerUsers.CUSTOMS,
                    adapter.credentials().brokerPassword(BrokerUsers.CUSTOMS).orElseThrow());
            Tracking tracking = new Tracking();
            JmsLoad load = new JmsLoad(partner, "partner." + PARTNER + ".in", senders, mix, generator, tracking);
            tracking.attach(load);
            try (load;
                 Outputs forwarded = new Outputs(customs, settings.get("adapter.egress.ceb.destination"), tracking::forwarded);
                 Outputs receipts = new Outputs(partner, "partner." + PARTNER + ".receipts", tracking::receipt)) {
                Result full = load.saturate(window, warmupSeconds, seconds).result("end-to-end", mix.name().toLowerCase(), threads, 0);
                double half = full.messagesPerSecond() / 2;
                Result paced = load.paced(half, seconds).result("end-to-end @50%", mix.name().toLowerCase(), threads, half);
                tracking.checkNothingUnexpected();
                return List.of(full, paced);
            } finally {
                partner.close();
                customs.close();
            }
        }
    }

    /** Which message each forwarded record and each receipt belongs to. */
    private static final class Tracking implements JmsLoad.Expectation {

        private final Map<String, Long> records = new ConcurrentHashMap<>();
        private final Map<String, Long> receipts = new HashMap<>();
        /** receipts that came before their message's send returned (and its JMS id was known) */
        private final Set<String> early = new HashSet<>();
        private volatile JmsLoad load;
        private volatile String unexpected;

        void attach(JmsLoad load) {
            this.load = load;
        }

        @Override
        public int outputs(CorpusGenerator.GeneratedMessage message) {
            return message.orderNos().size() + 1;
        }

        @Override
        public void track(long index, CorpusGenerator.GeneratedMessage message, Message sent) {
            for (String orderNo : message.orderNos()) {
                records.put(PARTNER + ":" + orderNo, index);
            }
        }

        @Override
        public synchronized void sent(long index, Message sent) throws JMSException {
            String id = sent.getJMSMessageID();
            if (early.remove(id)) {
                load.arrived(index);
            } else {
                receipts.put(id, index);
            }
        }

        void forwarded(Message m) {
            try {
                String record = m.getStringProperty("AdapterRecordId");
                Long index = records.remove(record);
                if (index == null) {
                    unexpected = "a record was forwarded that was not sent, or twice: " + record;
                    return;
                }
                load.arrived(index);
            } catch (JMSException e) {
                load.failed(e);
            }
        }

        void receipt(Message m) {
            try {
                String text = MessageBodies.text(m);
                if (text.contains("returnStatus>-")) {
                    load.failed(new IllegalStateException("the adapter rejected a generated message:\n" + text));
                    return;
                }
                String correlation = m.getJMSCorrelationID();
                synchronized (this) {
                    Long index = receipts.remove(correlation);
                    if (index == null) {
                        early.add(correlation);
                    } else {
                        load.arrived(index);
                    }
                }
            } catch (JMSException e) {
                load.failed(e);
            }
        }

        void checkNothingUnexpected() {
            if (unexpected != null) {
                throw new IllegalStateException(unexpected);
            }
        }
    }

    /** The settings of a throw-away adapter in {@code data}, on free loopback ports. */
    static Settings settingsFor(Settings base, Path data) throws java.io.IOException {
        return base.with("adapter.data.dir", data.toString())
                .with("adapter.http.host", "127.0.0.1").with("adapter.http.port", String.valueOf(FreePorts.next()))
                .with("adapter.broker.host", "127.0.0.1").with("adapter.broker.port", String.valueOf(FreePorts.next()))
                .with("adapter.soap.host", "127.0.0.1").with("adapter.soap.port", String.valueOf(FreePorts.next()));
    }
}
