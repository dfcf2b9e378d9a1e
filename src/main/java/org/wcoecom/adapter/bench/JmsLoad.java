package org.wcoecom.adapter.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
 * followed until everything it should cause has arrived: the load of the end-to-end and the
 * reference scenarios.
 *
 * <p>Sends are persistent and blocking, from several sender threads at once (one partner
 * connection each), as partners' systems would; a message is done when all its expected outputs
 * (forwarded records, receipt) arrived. Either as fast as a window of messages in flight allows
 * ({@link #saturate}), or paced at a fixed rate ({@link #paced}).
 */
final class JmsLoad implements AutoCloseable {

    /** What the system under test must deliver for one message. */
    interface Expectation {
        /** How many outputs the message causes (records forwarded, receipts). */
        int outputs(CorpusGenerator.GeneratedMessage message);

        /** Called before the message is sent: how to know its outputs when they come. */
        void track(long index, CorpusGenerator.GeneratedMessage message, Message sent) throws JMSException;

        /** Called once the message is sent (its JMS id known). */
        void sent(long index, Message sent) throws JMSException;
    }

    private final ConnectionFactory senders;
    private final String queue;
    private final int senderThreads;
    private final Mix mix;
    private final CorpusGenerator generator;
    private final Expectation expectation;
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong nextIndex = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile Meter meter;
    private volatile Semaphore window;

    private record InFlight(long sentNanos, int size, int records, java.util.concurrent.atomic.AtomicInteger remaining) {
    }

    JmsLoad(ConnectionFactory senders, String queue, int senderThreads, Mix mix, CorpusGenerator generator, Expectation expectation) {
        this.senders = senders;
        this.queue = queue;
        this.senderThreads = senderThreads;
        this.mix = mix;
        this.generator = generator;
        this.expectation = expectation;
    }

    /** One expected output of message {@code index} arrived. */
    void arrived(long index) {
        InFlight f = inFlight.get(index);
        if (f == null) {
            return;
        }
        if (f.remaining().decrementAndGet() == 0 && inFlight.remove(index) != null) {
            Meter m = meter;
            if (m != null) {
                m.done(f.size(), f.records(), System.nanoTime() - f.sentNanos());
            }
            Semaphore w = window;
            if (w != null) {
                w.release();
            }
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
        window = new Semaphore(windowSize);
        sendFor(warmupSeconds, 0);
        meter = new Meter();
        Meter measured = meter;
        sendFor(seconds, 0);
        meter = null;
        // the figures end here; what is still in flight is drained outside the measurement
        measured.stop();
        window = null;
        awaitDrained(120);
        return measured;
    }

    /** Paced at a fixed rate for a while; every message sent is waited for and counted. */
    Meter paced(double messagesPerSecond, double seconds) throws Exception {
        window = null;
        meter = new Meter();
        Meter measured = meter;
        sendFor(seconds, messagesPerSecond);
        awaitDrained(120);
        meter = null;
        measured.stop();
        return measured;
    }

    private void sendFor(double seconds, double ratePerSecond) throws Exception {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        AtomicLong paced = new AtomicLong();
        Thread[] threads = new Thread[senderThreads];
        for (int t = 0; t < senderThreads; t++) {
            threads[t] = new Thread(() -> {
                try (Connection c = senders.createConnection()) {
                    Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageProducer producer = s.createProducer(s.createQueue(queue));
                    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
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
                        sendOne(s, producer);
                    }
                } catch (Exception e) {
                    failed(e);
                }
            }, "bench-sender-" + t);
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        throwIfFailed();
    }

    private void sendOne(Session session, MessageProducer producer) throws JMSException {
        long index = nextIndex.getAndIncrement();
        CorpusGenerator.GeneratedMessage m = generator.message(mix, (int) index);
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(m.xml());
        expectation.track(index, m, message);
        inFlight.put(index, new InFlight(System.nanoTime(), m.xml().length, m.orderNos().size(),
                new java.util.concurrent.atomic.AtomicInteger(expectation.outputs(m))));
        producer.send(message);
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
