package org.wcoecom.adapter.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * Partners sending over JMS and the far ends collecting what comes out, with every message
 * followed until everything it should cause has arrived: the load of every scenario on a broker.
 *
 * <p>Sends are persistent and blocking, from several sender threads at once (each with one
 * connection per partner, as partners' systems would); a message is done when all its expected
 * outputs (forwarded records, receipt) arrived. Either as fast as a window of messages in flight
 * allows ({@link #saturate}), or paced at a fixed rate ({@link #paced}).
 */
final class JmsLoad implements AutoCloseable {

    /** What the system under test must deliver for one message. */
    interface Expectation {
        /** How many outputs the message causes (records forwarded, receipts). */
        int outputs(Traffic.Send send);

        /** Called before the message is sent: how to know its outputs when they come. */
        void track(long index, Traffic.Send send, Message sent) throws JMSException;

        /** Called once the message is sent (its JMS id known). */
        void sent(long index, Message sent) throws JMSException;
    }

    /** Seconds per point of the records/s curve from the start of the load. */
    static final int CURVE_SECONDS = 10;

    private final Map<String, ConnectionFactory> partners;
    private final Function<String, String> queueOf;
    private final int senderThreads;
    private final Traffic traffic;
    private final Expectation expectation;
    private final Meter.Probe probe;
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong nextIndex = new AtomicLong();
    private final AtomicLong declarations = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Map<Integer, AtomicLong> curve = new ConcurrentHashMap<>();
    private volatile long startNanos;
    private volatile Meter meter;
    private volatile Semaphore window;

    private record InFlight(long sentNanos, int size, int records, AtomicInteger remaining) {
    }

    /**
     * @param partners a connection factory per partner of the traffic (its broker user)
     * @param queueOf  the queue a partner sends to
     * @param probe    the system under test's counters and CPU
     */
    JmsLoad(Map<String, ConnectionFactory> partners, Function<String, String> queueOf, int senderThreads, Traffic traffic,
            Expectation expectation, Meter.Probe probe) {
        this.partners = partners;
        this.queueOf = queueOf;
        this.senderThreads = senderThreads;
        this.traffic = traffic;
        this.expectation = expectation;
        this.probe = probe;
    }

    /** One expected output of message {@code index} arrived. */
    void arrived(long index) {
        InFlight f = inFlight.get(index);
        if (f == null) {
            return;
        }
        if (f.remaining().decrementAndGet() == 0 && inFlight.remove(index) != null) {
            long now = System.nanoTime();
            curve.computeIfAbsent((int) ((now - startNanos) / 1_000_000_000L / CURVE_SECONDS), k -> new AtomicLong()).addAndGet(f.records());
            Meter m = meter;
            if (m != null) {
                m.done(f.size(), f.records(), now - f.sentNanos());
            }
            Semaphore w = window;
            if (w != null) {
                w.release();
            }
        }
    }

    /** A declaration reached customs. */
    void declared() {
        declarations.incrementAndGet();
        Meter m = meter;
        if (m != null) {
            m.declared();
        }
    }

    void failed(Exception e) {
        failure.compareAndSet(null, e);
    }

    /**
     * As fast as the system takes it, with at most {@code windowSize} messages unfinished: a warm-up,
     * then the measurement; messages still in flight at the end are waited for but not counted.
     */
    Meter saturate(int windowSize, double warmupSeconds, double seconds) throws Exception {
        if (startNanos == 0) {
            startNanos = System.nanoTime();
        }
        window = new Semaphore(windowSize);
        sendFor(warmupSeconds, 0);
        meter = new Meter(probe);
        Meter measured = meter;
        sendFor(seconds, 0);
        meter = null;
        // the figures end here; what is still in flight is drained outside the measurement
        measured.stop();
        window = null;
        awaitDrained(180);
        return measured;
    }

    /** Paced at a fixed rate for a while; every message sent is waited for and counted. */
    Meter paced(double messagesPerSecond, double seconds) throws Exception {
        window = null;
        meter = new Meter(probe);
        Meter measured = meter;
        sendFor(seconds, messagesPerSecond);
        awaitDrained(180);
        meter = null;
        measured.stop();
        return measured;
    }

    /**
     * Records/s of the messages finished in each {@value #CURVE_SECONDS} s since the load began, up
     * to now (the last, unfinished stretch over its own length when it is a second or more).
     */
    List<Double> curve() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        java.util.ArrayList<Double> points = new java.util.ArrayList<>();
        for (int i = 0; i * CURVE_SECONDS + 1 <= elapsed; i++) {
            AtomicLong n = curve.get(i);
            double length = Math.min(CURVE_SECONDS, elapsed - i * CURVE_SECONDS);
            points.add(n == null ? 0.0 : n.get() / length);
        }
        return points;
    }

    /** Records of every message finished since the load began. */
    long recordsDone() {
        return curve.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Declarations due for everything sent so far that have not come (after waiting up to {@code seconds}). */
    long awaitDeclarations(int seconds) throws InterruptedException {
        long due = traffic.declarationsDue(nextIndex.get());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (declarations.get() < due && System.nanoTime() < deadline && failure.get() == null) {
            Thread.sleep(50);
        }
        return Math.max(0, due - declarations.get());
    }

    long declarations() {
        return declarations.get();
    }

    private void sendFor(double seconds, double ratePerSecond) throws Exception {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        AtomicLong paced = new AtomicLong();
        Thread[] threads = new Thread[senderThreads];
        for (int t = 0; t < senderThreads; t++) {
            threads[t] = new Thread(() -> {
                Map<String, Connection> connections = new HashMap<>();
                try {
                    Map<String, Session> sessions = new HashMap<>();
                    Map<String, MessageProducer> producers = new HashMap<>();
                    for (String partner : traffic.partners()) {
                        Connection c = partners.get(partner).createConnection();
                        connections.put(partner, c);
                        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                        MessageProducer p = s.createProducer(s.createQueue(queueOf.apply(partner)));
                        p.setDeliveryMode(DeliveryMode.PERSISTENT);
                        sessions.put(partner, s);
                        producers.put(partner, p);
                    }
                    while (System.nanoTime() < deadline && failure.get() == null) {
                        if (ratePerSecond > 0) {
                            long due = start + (long) (paced.getAndIncrement() * 1e9 / ratePerSecond);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                            if (System.nanoTime() >= deadline) {
                                break;
                            }
                        } else {
                            Semaphore w = window;
                            if (w != null && !w.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                                continue;
                            }
                        }
                        sendOne(sessions, producers);
                    }
                } catch (Exception e) {
                    failed(e);
                } finally {
                    for (Connection c : connections.values()) {
                        try {
                            c.close();
                        } catch (JMSException ignored) {
                            // the run is over for this sender
                        }
                    }
                }
            }, "bench-sender-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        throwIfFailed();
    }

    private void sendOne(Map<String, Session> sessions, Map<String, MessageProducer> producers) throws JMSException {
        long index = nextIndex.getAndIncrement();
        Traffic.Send send = traffic.send(index);
        BytesMessage message = sessions.get(send.partner()).createBytesMessage();
        message.writeBytes(send.xml());
        expectation.track(index, send, message);
        inFlight.put(index, new InFlight(System.nanoTime(), send.xml().length, send.records(), new AtomicInteger(expectation.outputs(send))));
        producers.get(send.partner()).send(message);
        expectation.sent(index, message);
    }

    /** Waits until nothing is in flight; fails if something never arrives. */
    private void awaitDrained(int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            throwIfFailed();
            Thread.sleep(20);
        }
        if (!inFlight.isEmpty()) {
            throw new IllegalStateException(inFlight.size() + " message(s) still unfinished " + seconds + " s after the load stopped");
        }
        throwIfFailed();
    }

    private void throwIfFailed() throws Exception {
        Exception e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void close() {
        inFlight.clear();
    }
}
