package org.wcoecom.adapter.broker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * The operator's view of the dead-letter queues ({@code DLQ.*}): what is there and why, and
 * sending a message back where it failed. A replay takes the message off its dead-letter queue and
 * sends it to its source queue in one transaction: it is delivered once, or stays where it was.
 */
public final class DeadLetterQueues implements AutoCloseable {

    public static final String PREFIX = "DLQ.";
    /** set on a replayed message: the id of the message it replays */
    public static final String REPLAY_OF = "AdapterReplayOf";

    private final Connection connection;
    private final java.util.Map<String, String> addresses = new java.util.concurrent.ConcurrentHashMap<>();

    /** A dead letter: its id, its queue, and what the adapter (or the broker) noted about it. */
    public record Letter(String id, String queue, String stage, String partner, String failedAt, String reason,
                         String source, String recordId, long size) {
    }

    public DeadLetterQueues(ConnectionFactory factory, String user, String password) throws JMSException {
        connection = user == null ? factory.createConnection() : factory.createConnection(user, password);
        connection.start();
    }

    /** The dead-letter queues the broker has, by name. */
    public List<String> queues() throws Exception {
        List<String> result = new ArrayList<>();
        for (Object n : (Object[]) manage("broker", "queueNames")) {
            String name = String.valueOf(n);
            if (name.startsWith(PREFIX)) {
                result.add(name);
                // the broker's own dead-letter queues live on the address DLQ, the adapter's on their own
                addresses.put(name, String.valueOf(manage("queue." + name, "address")));
            }
        }
        Collections.sort(result);
        return result;
    }

    private Object manage(String resource, String attribute) throws Exception {
        try (QueueSession session = ((QueueConnection) connection).createQueueSession(false, Session.AUTO_ACKNOWLEDGE)) {
            QueueRequestor requestor = new QueueRequestor(session, session.createQueue("activemq.management"));
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, resource, attribute);
            Message reply = requestor.request(request);
            if (reply == null || !JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("the broker did not tell " + resource + " " + attribute
                        + " (is the user allowed to manage it?)");
            }
            return JMSManagementHelper.getResult(reply);
        }
    }

    /**
     * A dead-letter queue by its fully qualified name: a plain name would make the client look for
     * (and try to create) a queue on an address of the same name, which the broker's DLQ.&lt;queue&gt;
     * queues are not on.
     */
    private Queue dlq(Session session, String queue) throws JMSException {
        return session.createQueue(addresses.getOrDefault(queue, queue) + "::" + queue);
    }

    public List<Letter> list() throws Exception {
        List<Letter> letters = new ArrayList<>();
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            for (String queue : queues()) {
                try (QueueBrowser browser = session.createBrowser(dlq(session, queue))) {
                    for (Message m : messages(browser.getEnumeration())) {
                        letters.add(letter(queue, m));
                    }
                }
            }
        }
        return letters;
    }

    /** A dead letter with its body, if there is one with this id. */
    public Optional<Shown> show(String id) throws Exception {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            for (String queue : queues()) {
                try (QueueBrowser browser = session.createBrowser(dlq(session, queue), selector(id))) {
                    List<Message> found = messages(browser.getEnumeration());
                    if (!found.isEmpty()) {
                        return Optional.of(new Shown(letter(queue, found.get(0)), MessageBodies.bytes(found.get(0))));
                    }
                }
            }
        }
        return Optional.empty();
    }

    public record Shown(Letter letter, byte[] body) {
    }

    /** Sends the dead letter back to its source queue; false if there is no such letter. */
    public Optional<Letter> replay(String id) throws Exception {
        for (String queue : queues()) {
            Optional<Letter> done = replay(queue, selector(id));
            if (done.isPresent()) {
                return done;
            }
        }
        return Optional.empty();
    }

    /** Sends every dead letter (of one stage's queue, or of all) back; the letters replayed. */
    public List<Letter> replayAll(Optional<String> queue) throws Exception {
        List<Letter> replayed = new ArrayList<>();
        List<String> all = queues();
        for (String q : queue.map(List::of).orElse(all)) {
            // bounded: never more than the queue held when the replay started
            long bound = count(q);
            for (long i = 0; i < bound; i++) {
                Optional<Letter> one = replay(q, null);
                if (one.isEmpty()) {
                    break;
                }
                replayed.add(one.get());
            }
        }
        return replayed;
    }

    private Optional<Letter> replay(String queue, String selector) throws JMSException {
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            Queue dlq = dlq(session, queue);
            try (MessageConsumer consumer = selector == null ? session.createConsumer(dlq) : session.createConsumer(dlq, selector)) {
                Message m = consumer.receive(2000);
                if (m == null) {
                    return Optional.empty();
                }
                Letter letter = letter(queue, m);
                if (letter.source() == null || letter.source().isBlank()) {
                    session.rollback();
                    throw new IllegalStateException("dead letter " + letter.id() + " does not say where it came from");
                }
                Message copy = copy(session, m, letter);
                // a queue on a multicast address (a kind's egress or cross-check queue) by its fully qualified name: to it alone
                Destination to = letter.source().contains("::") ? session.createTopic(letter.source()) : session.createQueue(letter.source());
                session.createProducer(to).send(copy);
                session.commit();
                return Optional.of(letter);
            }
        }
    }

    private static Message copy(Session session, Message m, Letter letter) throws JMSException {
        Message copy;
        if (m instanceof TextMessage t) {
            copy = session.createTextMessage(t.getText());
        } else {
            BytesMessage b = session.createBytesMessage();
            b.writeBytes(MessageBodies.bytes(m));
            copy = b;
        }
        for (String name : Collections.list(castNames(m.getPropertyNames()))) {
            if (!name.startsWith("JMSX") && !name.startsWith("_AMQ") && !name.startsWith("AdapterDlq") && !name.startsWith("__")) {
                copy.setObjectProperty(name, m.getObjectProperty(name));
            }
        }
        copy.setStringProperty(REPLAY_OF, Optional.ofNullable(m.getStringProperty("AdapterDlqMessageId")).orElse(letter.id()));
        if (m.getJMSCorrelationID() != null) {
            copy.setJMSCorrelationID(m.getJMSCorrelationID());
        }
        return copy;
    }

    private long count(String queue) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(dlq(session, queue))) {
            return Collections.list(browser.getEnumeration()).size();
        }
    }

    private static Letter letter(String queue, Message m) throws JMSException {
        String source = m.getStringProperty("AdapterDlqSource");
        String stage = m.getStringProperty("AdapterDlqStage");
        String reason = m.getStringProperty("AdapterDlqReason");
        if (source == null) {
            // moved by the broker itself after too many attempts: it notes the original address and queue (a queue
            // on a multicast address is sent to by its fully qualified name, address::queue)
            source = m.getStringProperty("_AMQ_ORIG_QUEUE");
            String address = m.getStringProperty("_AMQ_ORIG_ADDRESS");
            if (source != null && address != null && !address.equals(source)) {
                source = address + "::" + source;
            }
            stage = "broker";
            reason = "delivered " + (m.propertyExists("JMSXDeliveryCount") ? m.getIntProperty("JMSXDeliveryCount") : "too many")
                    + " times without success";
        }
        long size = m instanceof BytesMessage b ? b.getBodyLength() : m instanceof TextMessage t && t.getText() != null ? t.getText().length() : 0;
        return new Letter(m.getJMSMessageID(), queue, stage, m.getStringProperty("AdapterDlqPartner"),
                m.getStringProperty("AdapterDlqFailedAt"), reason, source, m.getStringProperty("AdapterRecordId"), size);
    }

    private static String selector(String id) {
        return "JMSMessageID = '" + id.replace("'", "''") + "'";
    }

    @SuppressWarnings("unchecked")
    private static List<Message> messages(Enumeration<?> e) {
        return (List<Message>) (List<?>) Collections.list(e);
    }

    @SuppressWarnings("unchecked")
    private static Enumeration<String> castNames(Enumeration<?> e) {
        return (Enumeration<String>) e;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
