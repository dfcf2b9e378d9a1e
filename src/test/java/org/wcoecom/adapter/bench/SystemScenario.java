package org.wcoecom.adapter.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.broker.MessageBodies;
import org.wcoecom.adapter.settings.Settings;

/**
 * A system under test in a JVM of its own ({@link TargetProcess}) under the load of partners
 * sending over TCP ({@link JmsLoad}), measured from outside: the adapter as deployed (a message is
 * done when each of its records is on the customs queue and the partner has its receipt), or one
 * of the stock reference routes (done when what it makes of the message is on the customs queue).
 */
final class SystemScenario {

    /** The bench's own header on what it sends to the stock routes, which carry it to what they send on. */
    private static final String INDEX = "BenchMessage";
    private static final Pattern APP_TYPE = Pattern.compile("<ceb:appType>(\\d)</ceb:appType>");

    /** How the load is run. */
    record Load(int threads, int senders, int window, double warmupSeconds, double seconds, List<String> jvmOptions) {
    }

    private final String system;
    private final String label;
    private final Settings settings;
    private final Path data;
    private final Traffic traffic;
    private final Mix mix;

    /**
     * @param system   adapter, reference or splitting
     * @param label    the scenario's name in the report
     * @param settings the target's settings (its data folder and ports are set here)
     */
    SystemScenario(String system, String label, Settings settings, Path data, Traffic traffic, Mix mix) {
        this.system = system;
        this.label = label;
        this.settings = settings;
        this.data = data;
        this.traffic = traffic;
        this.mix = mix;
    }

    /** Saturated after a warm-up, then paced at 50% and 80% of the saturated rate. */
    List<Result> run(Load load) throws Exception {
        try (Running r = start(load)) {
            Result.Sizes before = r.target.sizes(0);
            Meter saturated = r.load.saturate(load.window(), load.warmupSeconds(), load.seconds());
            Result.Sizes after = r.target.sizes(0);
            Result.Figures full = saturated.figures(0);
            List<Double> curve = r.load.curve();
            double perRecord = r.recordsDone() == 0 ? 0 : (after.storeBytes() - before.storeBytes()) / (double) r.recordsDone();
            List<Result> results = new ArrayList<>();
            results.add(result(label, full, r, perRecord, curve, 0));
            for (int percent : List.of(50, 80)) {
                double rate = full.messagesPerSecond() * percent / 100;
                Result.Figures paced = r.load.paced(rate, load.seconds()).figures(rate);
                results.add(result(label + " @" + percent + "%", paced, r, 0, List.of(), 0));
            }
            long missing = r.load.awaitDeclarations(120);
            r.tracking.checkNothingUnexpected();
            results.set(0, result(label, full, r, perRecord, curve, missing));
            return results;
        }
    }

    /**
     * Saturated from a cold start for the whole time, the store and broker sizes taken every
     * {@value JmsLoad#CURVE_SECONDS} s: whether the store stops growing.
     */
    Result runLong(Load load, double seconds) throws Exception {
        try (Running r = start(load)) {
            List<Result.Sizes> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> sizes.add(r.target.sizes((System.nanoTime() - start) / 1e9)),
                    0, JmsLoad.CURVE_SECONDS, TimeUnit.SECONDS);
            Meter m;
            try {
                m = r.load.saturate(load.window(), 0, seconds);
            } finally {
                sampler.shutdownNow();
            }
            Result.Figures figures = m.figures(0);
            long missing = r.load.awaitDeclarations(120);
            r.tracking.checkNothingUnexpected();
            return new Result(label, system, traffic.name(), mix.label(), load.threads(), figures,
                    new Result.Footprint(r.target.peakRssBytes(), heapLimit(load), 0, r.load.curve(), List.copyOf(sizes), missing));
        }
    }

    private Result result(String name, Result.Figures f, Running r, double perRecord, List<Double> curve, long missing) {
        return new Result(name, system, traffic.name(), mix.label(), r.threads, f, new Result.Footprint(r.target.peakRssBytes(),
                heapLimit(r.loadSettings), perRecord, curve, List.of(r.target.sizes(0)), missing));
    }

    private static long heapLimit(Load load) {
        for (String o : load.jvmOptions()) {
            if (o.startsWith("-Xmx")) {
                String v = o.substring(4).toLowerCase(java.util.Locale.ROOT);
                long unit = v.endsWith("g") ? 1L << 30 : v.endsWith("m") ? 1L << 20 : v.endsWith("k") ? 1L << 10 : 1;
                return Long.parseLong(v.replaceAll("[^0-9]", "")) * unit;
            }
        }
        return 0;
    }

    /** The target started and the bench's partners and customs connected to it. */
    private final class Running implements AutoCloseable {
        final TargetProcess target;
        final JmsLoad load;
        final Tracking tracking;
        final int threads;
        final Load loadSettings;
        final List<AutoCloseable> closing = new ArrayList<>();

        Running(Load l) throws Exception {
            this.threads = l.threads();
            this.loadSettings = l;
            target = TargetProcess.start(system, settings.with("adapter.jms.concurrent-consumers", String.valueOf(l.threads())), data,
                    l.jvmOptions(), 300);
            closing.add(target);
            Map<String, ConnectionFactory> partners = new HashMap<>();
            for (String p : traffic.partners()) {
                ActiveMQConnectionFactory f = new ActiveMQConnectionFactory(target.url(), p, target.password(p));
                partners.put(p, f);
                closing.add(f);
            }
            ActiveMQConnectionFactory customs = new ActiveMQConnectionFactory(target.url(), BrokerUsers.CUSTOMS,
                    target.password(BrokerUsers.CUSTOMS));
            closing.add(customs);
            tracking = system.equals("adapter") ? new AdapterTracking() : new RouteTracking(system.equals("splitting"));
            load = new JmsLoad(partners, p -> "partner." + p + ".in", l.senders(), traffic, tracking, target::sample);
            tracking.attach(load);
            // closed in reverse: the consumers before the factories, the target last
            closing.add(new Outputs(customs, settings.get("adapter.egress.ceb.destination"), tracking::forwarded));
            if (system.equals("adapter")) {
                for (String p : traffic.partners()) {
                    closing.add(new Outputs(partners.get(p), "partner." + p + ".receipts", tracking::receipt));
                }
            }
        }

        long recordsDone() {
            return load.recordsDone();
        }

        @Override
        public void close() throws Exception {
            load.close();
            Exception first = null;
            for (int i = closing.size() - 1; i >= 0; i--) {
                try {
                    closing.get(i).close();
                } catch (Exception e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private Running start(Load load) throws Exception {
        return new Running(load);
    }

    /** What the bench expects of each message, and where what arrives belongs. */
    private abstract static class Tracking implements JmsLoad.Expectation {
        volatile JmsLoad load;
        volatile String unexpected;

        void attach(JmsLoad l) {
            this.load = l;
        }

        abstract void forwarded(Message m);

        void receipt(Message m) {
        }

        void checkNothingUnexpected() {
            if (unexpected != null) {
                throw new IllegalStateException(unexpected);
            }
        }
    }

    /** The adapter: each record forwarded once (by record id and appType), one receipt per message, declarations counted. */
    private static final class AdapterTracking extends Tracking {
        private final Map<String, Long> records = new ConcurrentHashMap<>();
        private final Map<String, Long> receipts = new HashMap<>();
        /** receipts that came before their message's send returned (and its JMS id was known) */
        private final Set<String> early = new HashSet<>();

        @Override
        public int outputs(Traffic.Send send) {
            return send.forwards().size() + 1;
        }

        @Override
        public void track(long index, Traffic.Send send, Message sent) {
            for (String f : send.forwards()) {
                records.put(f, index);
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

        @Override
        void forwarded(Message m) {
            try {
                String record = m.getStringProperty("AdapterRecordId");
                if (record != null && record.endsWith("/declaration")) {
                    load.declared();
                    return;
                }
                String key = record + "#" + (record != null && record.startsWith(Traffic.PAYMENT + ":") ? appType(m) : "1");
                Long index = records.remove(key);
                if (index == null) {
                    unexpected = "a record was forwarded that was not sent, or twice: " + key;
                    return;
                }
                load.arrived(index);
            } catch (JMSException e) {
                load.failed(e);
            }
        }

        private static String appType(Message m) throws JMSException {
            Matcher at = APP_TYPE.matcher(MessageBodies.text(m));
            return at.find() ? at.group(1) : "?";
        }

        @Override
        void receipt(Message m) {
            try {
                String correlation = m.getJMSCorrelationID();
                if (correlation == null) {
                    return; // a later receipt: a cross-check outcome for one record
                }
                synchronized (this) {
                    if ("REJECTED".equals(m.getStringProperty("AdapterOutcome")) && receipts.containsKey(correlation)) {
                        load.failed(new IllegalStateException("the adapter rejected a generated message:\n" + MessageBodies.text(m)));
                        return;
                    }
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
    }

    /** A stock route: one message out per message (whole), or one per record (splitting), carrying the bench's index. */
    private static final class RouteTracking extends Tracking {
        private final boolean perRecord;

        RouteTracking(boolean perRecord) {
            this.perRecord = perRecord;
        }

        @Override
        public int outputs(Traffic.Send send) {
            return perRecord ? send.records() : 1;
        }

        @Override
        public void track(long index, Traffic.Send send, Message sent) throws JMSException {
            sent.setLongProperty(INDEX, index);
        }

        @Override
        public void sent(long index, Message sent) {
        }

        @Override
        void forwarded(Message m) {
            try {
                load.arrived(m.getLongProperty(INDEX));
            } catch (JMSException e) {
                load.failed(e);
            }
        }
    }
}
