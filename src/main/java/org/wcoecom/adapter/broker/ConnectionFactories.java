package org.wcoecom.adapter.broker;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Artemis connection factories as the adapter uses them: no Java object ever deserialized from a
 * message (a partner could otherwise make the JVM instantiate classes of its choice through an
 * ObjectMessage), whoever reads it; and each queue or topic a session names looked up once.
 */
public final class ConnectionFactories {

    private ConnectionFactories() {
    }

    public static ActiveMQConnectionFactory artemis(String url) {
        return configure(new ActiveMQConnectionFactory(url));
    }

    public static ActiveMQConnectionFactory artemis(String url, String user, String password) {
        return configure(new ActiveMQConnectionFactory(url, user, password));
    }

    private static ActiveMQConnectionFactory configure(ActiveMQConnectionFactory factory) {
        factory.setDeserializationAllowList("");
        factory.setDeserializationDenyList("*");
        // A route's send resolves its queue by name on the consumer's session, then creates a producer;
        // without this cache both ask the broker whether the queue exists, three round trips per message
        // sent (the end-to-end profile: broker threads waking each other more than journal writes).
        // The session keeps each queue it resolved, checked once.
        factory.setCacheDestinations(true);
        return factory;
    }
}
