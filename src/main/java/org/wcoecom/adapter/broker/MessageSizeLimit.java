package org.wcoecom.adapter.broker;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;

/**
 * The embedded broker refuses a partner's message far over the size the adapter takes before it is
 * stored: the partner's send fails with the reason. A message somewhat over the limit is still
 * taken and answered with a receipt (the adapter checks its size before reading its body), as on
 * HTTP, where bodies over twice the limit are cut off.
 */
final class MessageSizeLimit implements ActiveMQServerMessagePlugin {

    private final long maxBytes;

    MessageSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct, boolean noAutoCreateQueue)
            throws ActiveMQException {
        String address = message.getAddress();
        if (address != null && address.startsWith("partner.") && address.endsWith(".in")) {
            long size = message.getWholeMessageSize();
            if (size > maxBytes) {
                throw new ActiveMQException(ActiveMQExceptionType.GENERIC_EXCEPTION, "a message of " + size
                        + " bytes is larger than the " + maxBytes + " bytes " + address + " takes");
            }
        }
    }
}
