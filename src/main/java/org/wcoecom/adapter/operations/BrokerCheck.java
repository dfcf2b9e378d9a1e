package org.wcoecom.adapter.operations;

import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Ready when the broker takes a connection and a session from the adapter's own user. */
public final class BrokerCheck extends AbstractHealthCheck {

    private final ConnectionFactory factory;

    public BrokerCheck(ConnectionFactory factory) {
        super("adapter", "broker");
        this.factory = factory;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection c = factory.createConnection(); Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            builder.up();
        } catch (Exception e) {
            builder.message("the broker cannot be reached: " + e.getMessage()).error(e).down();
        }
    }
}
