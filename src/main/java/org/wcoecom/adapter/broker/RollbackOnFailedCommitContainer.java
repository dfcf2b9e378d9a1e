package org.wcoecom.adapter.broker;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

import org.apache.camel.component.jms.DefaultJmsMessageListenerContainer;
import org.apache.camel.component.jms.JmsEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's JMS listener container, except that a commit the broker refuses (a destination that is
 * full with the FAIL policy, for instance) rolls the transaction back and lets the broker deliver
 * the message again, like a failure inside the route.
 *
 * <p>Spring takes a failed commit for a broken connection: it closes the connection all the
 * route's consumers share and opens a new one. Closing it while another consumer was between its
 * send and its commit split that consumer's transaction: its forward was committed, its
 * acknowledgement was not, and the record went out twice (DeadLetterReplayTest caught it). A
 * connection that is really broken still fails the rollback too, and then Spring recovers as before.
 */
public final class RollbackOnFailedCommitContainer extends DefaultJmsMessageListenerContainer {

    private static final Logger LOG = LoggerFactory.getLogger(RollbackOnFailedCommitContainer.class);

    private static final ThreadLocal<Boolean> IN_LISTENER = ThreadLocal.withInitial(() -> false);

    public RollbackOnFailedCommitContainer(JmsEndpoint endpoint) {
        super(endpoint);
    }

    /** Whether the current thread is processing a message of such a container (see {@link AfterCommit}). */
    static boolean inListener() {
        return IN_LISTENER.get();
    }

    @Override
    protected void doExecuteListener(Session session, Message message) throws JMSException {
        IN_LISTENER.set(true);
        if (message.getJMSRedelivered()) {
            // after a rollback, a node's crash or a broker failover: the message is processed again (idempotently)
            LOG.info("redelivered message {} from {} (delivery {})", message.getJMSMessageID(), getDestinationName(),
                    message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : "?");
        }
        try {
            super.doExecuteListener(session, message);
        } finally {
            IN_LISTENER.set(false);
            AfterCommit.rolledBack();
        }
    }

    @Override
    protected void commitIfNecessary(Session session, Message message) throws JMSException {
        try {
            super.commitIfNecessary(session, message);
        } catch (JMSException refused) {
            AfterCommit.rolledBack();
            try {
                session.rollback();
            } catch (JMSException | RuntimeException broken) {
                refused.addSuppressed(broken);
                throw refused;
            }
            LOG.warn("the broker refused to commit ({}); rolled back, the message will be delivered again", refused.getMessage());
            return;
        }
        AfterCommit.committed();
    }
}
