package org.wcoecom.adapter.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * The partners sending, as a partner's client would across an adapter that crashes: at a steady pace,
 * each send with a duplicate id of its own (Artemis' {@code _AMQ_DUPL_ID}) so that a send retried after
 * the broker died under it is stored once; a failed send waits for the adapter to come back and is
 * tried again. Every JMS id a send was given is remembered, since the one the broker kept may be any
 * attempt's.
 */
final class Sender implements AutoCloseable {

    private final LinkedBlockingQueue<GroupTraffic.Send> queue = new LinkedBlockingQueue<>();
    /** a send's key → the JMS ids of its attempts */
    final Map<String, Set<String>> attempts = new ConcurrentHashMap<>();
    /** JMS id of an attempt → the send's key */
    final Map<String, String> keyOf = new ConcurrentHashMap<>();
    final Set<String> done = ConcurrentHashMap.newKeySet();
    private final Function<String, ConnectionFactory> factories;
    private final Function<String, String> passwords;
    private final double perSecond;
    private final Thread thread;
    private volatile boolean stop;
    volatile int failedAttempts;

    /**
     * @param factories a partner's connection factory to the adapter's broker as it is now
     * @param passwords a partner's broker password
     */
    Sender(Function<String, ConnectionFactory> factories, Function<String, String> passwords, double perSecond) {
        this.factories = factories;
        this.passwords = passwords;
        this.perSecond = perSecond;
        this.thread = new Thread(this::run, "crash-sender");
        thread.setDaemon(true);
        thread.start();
    }

    void send(List<GroupTraffic.Send> sends) {
        queue.addAll(sends);
    }

    /** Whether everything handed over has been stored by the broker. */
    boolean idle() {
        return queue.isEmpty() && inFlight == null;
    }

    private volatile GroupTraffic.Send inFlight;

    private void run() {
        Map<String, Connection> connections = new ConcurrentHashMap<>();
        Map<String, MessageProducer> producers = new ConcurrentHashMap<>();
        Map<String, Session> sessions = new ConcurrentHashMap<>();
        long pause = (long) (1000 / perSecond);
        while (!stop) {
            try {
                GroupTraffic.Send next = inFlight != null ? inFlight : queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                inFlight = next;
                Session session = sessions.get(next.partner());
                if (session == null) {
                    Connection c = factories.apply(next.partner()).createConnection(next.partner(), passwords.apply(next.partner()));
                    connections.put(next.partner(), c);
                    session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    sessions.put(next.partner(), session);
                    producers.put(next.partner(), session.createProducer(session.createQueue("partner." + next.partner() + ".in")));
                }
                BytesMessage m = session.createBytesMessage();
                m.writeBytes(next.body());
                m.setStringProperty("_AMQ_DUPL_ID", next.key());
                try {
                    producers.get(next.partner()).send(m);
                } finally {
                    if (m.getJMSMessageID() != null) {
                        attempts.computeIfAbsent(next.key(), k -> ConcurrentHashMap.newKeySet()).add(m.getJMSMessageID());
                        keyOf.put(m.getJMSMessageID(), next.key());
                    }
                }
                done.add(next.key());
                inFlight = null;
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            } catch (Exception brokerGone) {
                failedAttempts++;
                new ArrayList<>(connections.values()).forEach(Sender::closeQuietly);
                connections.clear();
                sessions.clear();
                producers.clear();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        connections.values().forEach(Sender::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // the broker is gone already
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(10_000);
    }
}
