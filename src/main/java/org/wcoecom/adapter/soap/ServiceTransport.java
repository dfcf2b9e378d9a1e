package org.wcoecom.adapter.soap;

import java.util.List;
import java.util.Optional;

import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.wcoecom.adapter.security.ServerTls;

/**
 * The Jetty listener of the SOAP service, set up on CXF's engine for its port before the service
 * is published: TLS with the adapter's certificate when it has one (the service then listens on
 * https only), and an idle timeout, so that a connection that stops sending is closed.
 */
final class ServiceTransport implements CxfConfigurer {

    private final String host;
    private final int port;
    private final Optional<ServerTls> tls;
    private final int idleTimeoutMillis;

    ServiceTransport(String host, int port, Optional<ServerTls> tls, int idleTimeoutMillis) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factory) {
        JettyHTTPServerEngineFactory engines = factory.getBus().getExtension(JettyHTTPServerEngineFactory.class);
        if (engines == null) {
            throw new IllegalStateException("CXF's Jetty transport is missing (cxf-rt-transports-http-jetty)");
        }
        try {
            if (tls.isPresent()) {
                TLSServerParameters params = new TLSServerParameters();
                params.setKeyManagers(tls.get().keyManagers().getKeyManagers());
                params.setIncludeProtocols(List.of("TLSv1.2", "TLSv1.3"));
                engines.setTLSServerParametersForPort(host, port, params);
            }
            JettyHTTPServerEngine engine = engines.createJettyHTTPServerEngine(host, port, tls.isPresent() ? "https" : "http");
            engine.setMaxIdleTime(idleTimeoutMillis);
        } catch (Exception e) {
            throw new IllegalStateException("SOAP (adapter.soap.port): cannot set up the listener on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void configureClient(Client client) {
        // service only
    }

    @Override
    public void configureServer(Server server) {
        // everything is set on the engine before the server is created
    }
}
