package org.wcoecom.adapter.soap;

import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * Connection and receive timeouts of the SOAP client: a partner that does not answer in time is
 * a transient failure, retried with backoff by the egress route.
 */
final class ClientTimeouts implements CxfConfigurer {

    private final long connectMillis;
    private final long receiveMillis;

    ClientTimeouts(long connectMillis, long receiveMillis) {
        this.connectMillis = connectMillis;
        this.receiveMillis = receiveMillis;
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
    }

    @Override
    public void configureServer(Server server) {
        // client only
    }
}
