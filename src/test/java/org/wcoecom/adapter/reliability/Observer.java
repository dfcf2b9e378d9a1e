package org.wcoecom.adapter.reliability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.wcoecom.adapter.broker.MessageBodies;

/**
 * What customs and the partners receive, counted exactly across adapter crashes: it reads the
 * customs queue and the partners' receipt queues in transacted sessions and counts a message only
 * once its acknowledgement is committed. When the broker dies under it, what it read since the last
 * commit is forgotten (the broker delivers it again), so a count above one is the adapter's doing.
 *
 * <p>A commit the broker dies in the middle of has no known outcome: the broker may have committed
 * it before it died, and then those messages never come again. So they are counted at once, and their
 * JMS ids kept: should the broker deliver one of them again (it had not committed), it is not counted
 * a second time. The adapter's own duplicates are other broker messages, with ids of their own.
 */
final class Observer implements AutoCloseable {

    private static final Pattern APP_TYPE = Pattern.compile("<ceb:appType>(\\d)</ceb:appType>");

    /** record id#appType → how often it reached customs */
    final Map<String, Integer> forwarded = new ConcurrentHashMap<>();
    /** the partner message's JMS id → how often it was answered */
    final Map<String, Integer> receipts = new ConcurrentHashMap<>();
    /** receipts sent after the fact (cross-check outcomes), by partner|record|body digest → how often */
    final Map<String, Integer> laterReceipts = new ConcurrentHashMap<>();
    /** each receipt's body by the partner message's JMS id (the last one seen) */
    final Map<String, String> receiptBodies = new ConcurrentHashMap<>();
    /** later receipts' bodies by partner|record id */
    final Map<String, List<String>> laterBodies = new ConcurrentHashMap<>();

    /** JMS ids of messages counted when a commit's outcome was unknown: counted once, whether delivered again or not */
    private final java.util.Set<String> uncertain = ConcurrentHashMap.newKeySet();
    /** commits that failed with the broker, and the messages they held */
    volatile int unknownCommits;
    volatile int unknownCommitMessages;

    private volatile Thread thread;
    private volatile boolean stop;

    /** Reads until {@link #stopReading()} or until the broker goes away. */
    void startReading(ConnectionFactory operator, List<String> partners) {
        stop = false;
        thread = new Thread(() -> read(operator, partners), "crash-observer");
        thread.setDaemon(true);
        thread.start();
    }

    void stopReading() throws InterruptedException {
        stop = true;
        Thread t = thread;
        if (t != null) {
            t.join(30_000);
        }
    }

    boolean reading() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    private void read(ConnectionFactory operator, List<String> partners) {
        try (Connection c = operator.createConnection()) {
            c.start();
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer customs = s.createConsumer(s.createQueue("customs.ceb.out"));
            List<MessageConsumer> answers = new ArrayList<>();
            for (String p : partners) {
                answers.add(s.createConsumer(s.createQueue("partner." + p + ".receipts")));
            }
            Map<String, Runnable> pending = new java.util.LinkedHashMap<>();
            long lastCommit = System.nanoTime();
            while (!stop) {
                Message m = customs.receive(20);
                if (m != null) {
                    String key = m.getStringProperty("AdapterRecordId") + appType(MessageBodies.text(m));
                    pending.put(m.getJMSMessageID(), () -> forwarded.merge(key, 1, Integer::sum));
                }
                for (int i = 0; i < answers.size(); i++) {
                    Message r = answers.get(i).receiveNoWait();
                    if (r != null) {
                        pending.put(r.getJMSMessageID(), receipt(partners.get(i), r));
                    }
                }
                if (!pending.isEmpty() && (pending.size() >= 50 || System.nanoTime() - lastCommit > 200_000_000L)) {
                    commit(s, pending);
                    lastCommit = System.nanoTime();
                }
            }
            commit(s, pending);
        } catch (Exception brokerGone) {
            // what was read since the last commit (not attempted) will be delivered again
        }
    }

    /** Commits what was read and counts it; when the commit fails with the broker, counts it as possibly committed. */
    private void commit(Session s, Map<String, Runnable> pending) throws Exception {
        try {
            s.commit();
        } catch (Exception outcomeUnknown) {
            unknownCommits++;
            unknownCommitMessages += pending.size();
            count(pending, true);
            throw outcomeUnknown;
        }
        count(pending, false);
    }

    private void count(Map<String, Runnable> pending, boolean uncertainOutcome) {
        pending.forEach((jmsId, count) -> {
            if (uncertain.contains(jmsId)) {
                // counted under an unknown outcome and delivered again: that commit had not happened
                if (!uncertainOutcome) {
                    uncertain.remove(jmsId);
                }
            } else {
                count.run();
                if (uncertainOutcome) {
                    uncertain.add(jmsId);
                }
            }
        });
        pending.clear();
    }

    private Runnable receipt(String partner, Message r) throws Exception {
        String body = MessageBodies.text(r);
        String correlation = r.getJMSCorrelationID();
        String record = r.getStringProperty("AdapterRecordId");
        // a receipt of a partner message names it; one sent after the fact names the record it is about
        if (correlation != null) {
            return () -> {
                receipts.merge(correlation, 1, Integer::sum);
                receiptBodies.put(correlation, body);
            };
        }
        String key = partner + "|" + record;
        String digest = key + "|" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        return () -> {
            laterReceipts.merge(digest, 1, Integer::sum);
            laterBodies.computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(body);
        };
    }

    private static String appType(String body) {
        Matcher m = APP_TYPE.matcher(body);
        return m.find() ? "#" + m.group(1) : "#";
    }

    int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public void close() throws InterruptedException {
        stopReading();
    }
}
