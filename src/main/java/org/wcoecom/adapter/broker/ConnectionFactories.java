package org.wcoecom.adapter.broker;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Artemis connection factories as the adapter uses them: no Java object ever deserialized from a
 * message (a partner could otherwise make the JVM instantiate classes of its choice through an
 * ObjectMessage), whoever reads it.
 */
public final class ConnectionFactories {

    private ConnectionFactories() {
    }

    public static ActiveMQConnectionFactory artemis(String url) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
        denyObjects(factory);
        return factory;
    }

    public static ActiveMQConnectionFactory artemis(String url, String user, String password) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
        denyObjects(factory);
        return factory;
    }

    private static void denyObjects(ActiveMQConnectionFactory factory) {
        factory.setDeserializationAllowList("");
        factory.setDeserializationDenyList("*");
    }
}
