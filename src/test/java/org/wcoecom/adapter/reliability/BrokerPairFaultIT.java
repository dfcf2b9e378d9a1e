package org.wcoecom.adapter.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wcoecom.adapter.broker.BrokerPairNode;
import org.wcoecom.adapter.broker.BrokerUsers;
import org.wcoecom.adapter.support.BrokerPair;

/**
 * The replicated broker pair the cluster fault test runs on: messages stored on the primary are there
 * on the backup when the primary is killed with SIGKILL, and on the primary again after it restarts and
 * takes over back (failback); a client on the failover URL follows both moves by itself. (-Pfaults)
 */
class BrokerPairFaultIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void the_backup_takes_over_and_hands_back_with_every_message(@TempDir Path dir) throws Exception {
        try (BrokerPair pair = new BrokerPair(dir);
             ActiveMQConnectionFactory client = new ActiveMQConnectionFactory(pair.url(), BrokerUsers.OPERATOR,
                     BrokerPairNode.OPERATOR_PASSWORD)) {
            pair.start(WAIT);
            send(client, 0, 100);
            pair.kill(BrokerPair.PRIMARY);
            pair.awaitState(BrokerPair.BACKUP, "ACTIVE", WAIT);
            send(client, 100, 200);
            pair.start(BrokerPair.PRIMARY);
            pair.awaitState(BrokerPair.PRIMARY, "ACTIVE", WAIT);
            pair.awaitState(BrokerPair.BACKUP, "BACKUP-IN-SYNC", WAIT);
            Map<Integer, Integer> received = receive(client);
            System.out.println("broker pair: " + pair.states());
            assertEquals(200, received.size(), "every message, after failover and failback");
            assertEquals(200, received.values().stream().mapToInt(Integer::intValue).sum(), "each once");
        }
    }

    private static void send(ActiveMQConnectionFactory factory, int from, int to) throws Exception {
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = s.createProducer(s.createQueue("pair.test"));
            for (int i = from; i < to; i++) {
                Message m = s.createTextMessage("message " + i);
                m.setIntProperty("n", i);
                m.setStringProperty("_AMQ_DUPL_ID", "pair-test-" + i);
                p.send(m);
                if (i % 10 == 9) {
                    s.commit();
                }
            }
            s.commit();
        }
    }

    private static Map<Integer, Integer> receive(ActiveMQConnectionFactory factory) throws Exception {
        Map<Integer, Integer> received = new HashMap<>();
        try (Connection c = factory.createConnection()) {
            c.start();
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = s.createConsumer(s.createQueue("pair.test"));
            Message m;
            while ((m = consumer.receive(3000)) != null) {
                received.merge(m.getIntProperty("n"), 1, Integer::sum);
                s.commit();
            }
        }
        return received;
    }
}
