package org.wcoecom.adapter.broker;

import jakarta.jms.ConnectionFactory;

import org.apache.camel.component.jms.ConsumerType;
import org.apache.camel.component.jms.JmsConfiguration;

/**
 * What every route of the adapter wants from camel-jms, set once (a route that differs says so in
 * its endpoint): a consumer's session transaction for what it yields, consumers cached, no replies to
 * a sender's JMSReplyTo, and sends that keep their producers ({@link ProducerKeepingTemplate}).
 */
public final class AdapterJmsConfiguration extends JmsConfiguration {

    public AdapterJmsConfiguration(ConnectionFactory factory, int concurrentConsumers) {
        setConnectionFactory(factory);
        // Transacted routes use the consumer's own session transaction: what a route sends joins the
        // session it consumes on, and one commit covers both. With the JmsTransactionManager Camel
        // would otherwise create, a cached consumer session and the manager's session committed
        // separately, and a kill between the two commits lost a record (CrashFaultIT found this).
        setLazyCreateTransactionManager(false);
        setConsumerType(ConsumerType.Custom);
        setMessageListenerContainerFactory(RollbackOnFailedCommitContainer::new);
        setTransacted(true);
        setCacheLevelName("CACHE_CONSUMER");
        setConcurrentConsumers(concurrentConsumers);
        setDisableReplyTo(true);
    }

    @Override
    protected CamelJmsTemplate createCamelJmsTemplate(ConnectionFactory factory) {
        return new ProducerKeepingTemplate(this, factory);
    }
}
