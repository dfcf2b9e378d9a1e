package org.wcoecom.adapter.soap;

import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * How the SOAP client reaches a partner: connection and receive timeouts (a partner that does not
 * answer in time is a transient failure, retried with backoff by the egress route), and, for an
 * https endpoint, TLS that trusts the partner's configured certificates or certificate authority
 * (else the JDK's), verifies the host name (CXF's default, never switched off here), and presents
 * the adapter's own certificate to a partner that asks for one.
 */
final class ClientTransport implements CxfConfigurer {

    private final long connectMillis;
    private final long receiveMillis;
    private final Optional<TrustManager[]> trust;
    private final Optional<KeyManager[]> keys;

    ClientTransport(long connectMillis, long receiveMillis, Optional<TrustManager[]> trust, Optional<KeyManager[]> keys) {
        this.connectMillis = connectMillis;
        this.receiveMillis = receiveMillis;
        this.trust = trust;
        this.keys = keys;
    }

    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factory) {
        // nothing beyond the client's conduit
    }

    @Override
    public void configureClient(Client client) {
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connectMillis);
        policy.setReceiveTimeout(receiveMillis);
        conduit.setClient(policy);
        TLSClientParameters tls = new TLSClientParameters();
        trust.ifPresent(tls::setTrustManagers);
        keys.ifPresent(tls::setKeyManagers);
        conduit.setTlsClientParameters(tls);
    }

    @Override
    public void configureServer(Server server) {
        // client only
    }
}
