package org.wcoecom.adapter.operations;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Ready when the SOAP exchange service accepts connections on its port (only registered when it listens). */
public final class SoapEndpointCheck extends AbstractHealthCheck {

    private final String host;
    private final int port;

    public SoapEndpointCheck(String host, int port) {
        super("adapter", "soap");
        this.host = "0.0.0.0".equals(host) ? "127.0.0.1" : host;
        this.port = port;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            builder.up();
        } catch (Exception e) {
            builder.message("the SOAP service does not accept connections on " + host + ":" + port + ": " + e.getMessage()).down();
        }
    }
}
