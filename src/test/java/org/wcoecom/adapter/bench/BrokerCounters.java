package org.wcoecom.adapter.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.postoffice.RoutingStatus;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.core.transaction.TransactionOperationAbstract;

/**
 * Counts, in the broker of the system under test, the persistent messages it stores (each durable
 * message routed to at least one queue, however many queues share it) and the JMS transactions
 * committed by the system's own connections (those of the adapter's broker user: broker transactions
 * that sent or acknowledged anything; the bench's partners and customs send and take outside any).
 */
final class BrokerCounters implements ActiveMQServerMessagePlugin {

    private final String systemUser;
    private volatile ActiveMQServer server;
    private final LongAdder stored = new LongAdder();
    private final LongAdder transactions = new LongAdder();
    /** transactions seen and not yet ended: each counted once, when it commits */
    private final Map<Long, Boolean> open = new ConcurrentHashMap<>();

    BrokerCounters(String systemUser) {
        this.systemUser = systemUser;
    }

    @Override
    public void registered(ActiveMQServer server) {
        this.server = server;
    }

    long stored() {
        return stored.sum();
    }

    long transactions() {
        return transactions.sum();
    }

    @Override
    public void afterSend(ServerSession session, Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue,
                          RoutingStatus result) {
        if (message.isDurable() && result == RoutingStatus.OK) {
            stored.increment();
        }
        if (systemUser.equals(session.getUsername())) {
            follow(tx);
        }
    }

    @Override
    public void messageAcknowledged(Transaction tx, MessageReference ref, AckReason reason, ServerConsumer consumer) {
        ActiveMQServer s = server;
        ServerSession session = s == null || consumer == null ? null : s.getSessionByID(consumer.getSessionID());
        if (session != null && systemUser.equals(session.getUsername())) {
            follow(tx);
        }
    }

    private void follow(Transaction tx) {
        if (tx == null || open.putIfAbsent(tx.getID(), Boolean.TRUE) != null) {
            return;
        }
        tx.addOperation(new TransactionOperationAbstract() {
            @Override
            public void afterCommit(Transaction t) {
                transactions.increment();
                open.remove(t.getID());
            }

            @Override
            public void afterRollback(Transaction t) {
                open.remove(t.getID());
            }
        });
    }
}
