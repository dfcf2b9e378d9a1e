package org.wcoecom.adapter.support;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import javax.security.auth.callback.Callback;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;

import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.ext.WSPasswordCallback;

/**
 * An overseas customs administration for tests: a real CXF service on loopback with the
 * exchange WSDL, requiring the adapter's WS-Security UsernameToken. It records every declaration
 * it is sent and answers with what the test decides; it can be slow on the first calls.
 */
public final class OverseasCustoms implements AutoCloseable {

    private static final String NS = "urn:wco-ecom-adapter:exchange:1";

    private final int port;
    private final String user;
    private final String password;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile UnaryOperator<String> answer = OverseasCustoms::accept;
    private volatile int slowCalls;
    private volatile long slowMillis;
    private ExchangeKeys trusted;
    private TlsKeys tls;
    private EndpointImpl endpoint;

    public OverseasCustoms(int port, String user, String password) {
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public String address() {
        return (tls == null ? "http" : "https") + "://127.0.0.1:" + port + "/ws/exchange";
    }

    /** Serves over https with these keys (its certificate, and the names it is for). */
    public OverseasCustoms tls(TlsKeys keys) {
        this.tls = keys;
        return this;
    }

    public OverseasCustoms answering(UnaryOperator<String> answer) {
        this.answer = answer;
        return this;
    }

    /** Verifies signatures made with these keys (the adapter's). */
    public OverseasCustoms trusting(ExchangeKeys keys) {
        this.trusted = keys;
        return this;
    }

    /** The first n calls take this long before they answer. */
    public OverseasCustoms slowFirst(int n, long millis) {
        this.slowCalls = n;
        this.slowMillis = millis;
        return this;
    }

    public synchronized OverseasCustoms start() {
        if (tls != null) {
            try {
                java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
                try (java.io.InputStream in = java.nio.file.Files.newInputStream(tls.keystore())) {
                    keys.load(in, tls.password().toCharArray());
                }
                javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                        javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, tls.password().toCharArray());
                org.apache.cxf.configuration.jsse.TLSServerParameters params = new org.apache.cxf.configuration.jsse.TLSServerParameters();
                params.setKeyManagers(kmf.getKeyManagers());
                BusFactory.getDefaultBus().getExtension(org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory.class)
                        .setTLSServerParametersForPort("127.0.0.1", port, params);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        endpoint = new EndpointImpl(BusFactory.getDefaultBus(), new Desk());
        endpoint.setWsdlLocation(Project.root().resolve("xsd/soap/exchange.wsdl").toUri().toString());
        endpoint.setServiceName(new QName(NS, "CustomsExchangeService"));
        endpoint.setEndpointName(new QName(NS, "CustomsExchangePort"));
        Map<String, Object> props = new HashMap<>();
        props.put(ConfigurationConstants.ACTION, "UsernameToken Timestamp Signature");
        if (trusted != null) {
            try {
                props.put(ConfigurationConstants.SIG_VER_PROP_REF_ID, "testTrust");
                props.put("testTrust", trusted.crypto());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        props.put(ConfigurationConstants.PW_CALLBACK_REF, (javax.security.auth.callback.CallbackHandler) callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof WSPasswordCallback pc && pc.getIdentifier().equals(user)) {
                    pc.setPassword(password);
                }
            }
        });
        WSS4JInInterceptor security = new WSS4JInInterceptor(props);
        security.setIgnoreActions(true);
        endpoint.getInInterceptors().add(security);
        endpoint.getInInterceptors().add(new RequireUsernameToken(user));
        endpoint.publish(address());
        return this;
    }

    /** Every declaration received, as text, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public synchronized void close() {
        if (endpoint != null) {
            endpoint.stop();
            endpoint = null;
        }
    }

    /** An acceptance: function code 01, the declaration's LRN, a number of our own. */
    public static String accept(String declaration) {
        String lrn = declaration.replaceAll("(?s).*<FunctionalReferenceID>([^<]*)</FunctionalReferenceID>.*", "$1");
        return """
                <Response xmlns="urn:wco:datamodel:WCO:RES-DMS:2">
                  <FunctionCode>01</FunctionCode>
                  <FunctionalReferenceID>RES-%s</FunctionalReferenceID>
                  <IssueDateTime><DateTimeString formatCode="304">20261120083000Z</DateTimeString></IssueDateTime>
                  <Declaration>
                    <AcceptanceDateTime><DateTimeString formatCode="304">20261120082958Z</DateTimeString></AcceptanceDateTime>
                    <FunctionalReferenceID>%s</FunctionalReferenceID>
                    <ID>26XX0000000000042</ID>
                  </Declaration>
                </Response>""".formatted(Math.abs(lrn.hashCode()), lrn);
    }

    @WebServiceProvider(serviceName = "CustomsExchangeService", portName = "CustomsExchangePort", targetNamespace = NS)
    @ServiceMode(Service.Mode.PAYLOAD)
    public final class Desk implements Provider<Source> {
        @Override
        public Source invoke(Source request) {
            int call = calls.incrementAndGet();
            String text = text(request);
            if (call <= slowCalls) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                received.add(text);
            }
            return new StreamSource(new StringReader(answer.apply(text)));
        }
    }

    private static String text(Source source) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newDefaultInstance().newTransformer().transform(source, new StreamResult(out));
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** WSS4J checks the token's password; this refuses a request that carries none. */
    private static final class RequireUsernameToken extends org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor {
        private final String user;

        RequireUsernameToken(String user) {
            super(org.apache.cxf.phase.Phase.PRE_PROTOCOL);
            addAfter(WSS4JInInterceptor.class.getName());
            this.user = user;
        }

        @Override
        public void handleMessage(org.apache.cxf.binding.soap.SoapMessage message) {
            @SuppressWarnings("unchecked")
            List<org.apache.wss4j.dom.handler.WSHandlerResult> results =
                    (List<org.apache.wss4j.dom.handler.WSHandlerResult>) message.get(org.apache.wss4j.dom.handler.WSHandlerConstants.RECV_RESULTS);
            boolean ok = results != null && results.stream().flatMap(r -> r.getResults().stream())
                    .anyMatch(r -> r.get(org.apache.wss4j.dom.engine.WSSecurityEngineResult.TAG_PRINCIPAL) instanceof java.security.Principal p
                            && p.getName().equals(user));
            if (!ok) {
                throw new org.apache.cxf.binding.soap.SoapFault("UsernameToken required",
                        org.apache.cxf.binding.soap.SoapFault.FAULT_CODE_CLIENT);
            }
        }
    }
}
