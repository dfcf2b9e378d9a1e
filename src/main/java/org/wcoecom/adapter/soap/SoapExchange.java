package org.wcoecom.adapter.soap;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.sql.DataSource;
import javax.xml.namespace.QName;

import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.main.Main;
import org.apache.cxf.staxutils.StaxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.security.ServerTls;
import org.wcoecom.adapter.settings.Settings;

/**
 * The customs-to-customs exchange over SOAP, assembled from the settings and bound under the names
 * routes/soap.yaml uses: exchangeService (the CXF service, WSDL-first, PAYLOAD mode, on Jetty),
 * exchangeClient-&lt;partner&gt; (a CXF client per partner with an endpoint), soapIngress,
 * soapEgress, exchangeResponses.
 *
 * <p>The service listens only when some exchange partner is configured (nobody could be heard
 * otherwise), with TLS when the adapter has a TLS identity, and reads no envelope beyond
 * {@code adapter.soap.max-envelope-bytes}: CXF's StAX limits stop the parser there, before
 * WS-Security or anything else has the envelope whole.
 */
public final class SoapExchange {

    private static final Logger LOG = LoggerFactory.getLogger(SoapExchange.class);

    public static final String NAMESPACE = "urn:wco-ecom-adapter:exchange:1";
    /** The route of the service (routes/soap.yaml), not started while no partner is configured. */
    static final String SERVICE_ROUTE = "ingress-soap";
    private static final QName SERVICE = new QName(NAMESPACE, "CustomsExchangeService");
    private static final QName PORT = new QName(NAMESPACE, "CustomsExchangePort");

    private final Settings settings;
    private final ExchangePartners partners;
    private final ExchangeSecurity security;
    private final ExchangeLog log;
    private final SoapEgress egress;
    private final ExchangeResponses responses;
    private final Optional<ServerTls> tls;

    public SoapExchange(Settings settings, FormatRegistry formats, MessageReader reader, Translator translator,
                        ReceiptService receipts, DataSource db, Optional<ServerTls> tls) {
        this.settings = settings;
        this.tls = tls;
        this.partners = ExchangePartners.from(settings);
        this.security = new ExchangeSecurity(settings, partners);
        this.log = new ExchangeLog(db);
        this.egress = new SoapEgress(partners, formats, reader, translator, receipts, log,
                settings.get("adapter.soap.egress.default-country"));
        this.responses = new ExchangeResponses(reader, translator, receipts, log);
    }

    /** Where the service listens, e.g. http://0.0.0.0:8081/ws/exchange (https with TLS). */
    public static String address(Settings settings) {
        return (Boolean.parseBoolean(settings.get("adapter.tls.enabled")) ? "https" : "http") + "://"
                + settings.get("adapter.soap.host") + ":" + settings.get("adapter.soap.port") + settings.get("adapter.soap.path");
    }

    /** Whether the service listens: only with an exchange partner to hear. */
    public boolean listens() {
        return !partners.all().isEmpty();
    }

    public void bind(Main main) {
        String wsdl = settings.home().resolve("xsd/soap/exchange.wsdl").toUri().toString();
        CxfEndpoint service = endpoint(wsdl, address(settings));
        service.getInInterceptors().addAll(security.serverInterceptors());
        service.setProperties(envelopeLimits());
        service.setCxfConfigurer(new ServiceTransport(settings.get("adapter.soap.host"), settings.integer("adapter.soap.port"), tls,
                settings.integer("adapter.soap.idle-timeout")));
        main.bind("exchangeService", service);
        if (!listens()) {
            main.configure().withAutoStartupExcludePattern(SERVICE_ROUTE);
            // a route left stopped on purpose does not make the adapter unready
            main.configure().health().setExcludePattern("route:" + SERVICE_ROUTE + ",consumer:" + SERVICE_ROUTE);
        }
        long connect = Long.parseLong(settings.get("adapter.soap.client.connect-timeout"));
        long receive = Long.parseLong(settings.get("adapter.soap.client.receive-timeout"));
        Optional<KeyManager[]> ownKeys = tls.map(t -> t.keyManagers().getKeyManagers());
        for (ExchangePartner p : partners.all()) {
            p.endpoint().ifPresent(url -> {
                if (!url.startsWith("https:")) {
                    LOG.warn("exchange partner {}: declarations go to {} unencrypted (use an https endpoint)", p.id(), url);
                }
                CxfEndpoint client = endpoint(wsdl, url);
                client.setDefaultOperationName("submitDeclaration");
                client.setDefaultOperationNamespace(NAMESPACE);
                client.getOutInterceptors().add(security.clientInterceptor(p));
                client.setCxfConfigurer(new ClientTransport(connect, receive, KeyMaterial.tlsTrust(p), ownKeys));
                main.bind("exchangeClient-" + p.id(), client);
            });
        }
        main.bind("soapIngress", new SoapIngress());
        main.bind("soapEgress", egress);
        main.bind("exchangeResponses", responses);
    }

    /**
     * CXF's limits of its StAX parser (Woodstox), which every envelope is read with: characters in
     * all and in one text; depth, attributes and children stay at CXF's defaults.
     */
    private Map<String, Object> envelopeLimits() {
        long max = settings.optional("adapter.soap.max-envelope-bytes").map(Long::parseLong)
                .orElse(2 * Long.parseLong(settings.get("adapter.limits.max-message-bytes")));
        Map<String, Object> limits = new HashMap<>();
        limits.put(StaxUtils.MAX_XML_CHARACTERS, max);
        limits.put(StaxUtils.MAX_TEXT_LENGTH, (int) Math.min(Integer.MAX_VALUE, max));
        return limits;
    }

    private static CxfEndpoint endpoint(String wsdl, String address) {
        CxfEndpoint e = new CxfEndpoint();
        e.setAddress(address);
        e.setWsdlURL(wsdl);
        e.setServiceName(SERVICE.toString());
        e.setPortName(PORT.toString());
        e.setDataFormat(DataFormat.PAYLOAD);
        // the body is read whole and handed to the adapter's own hardened reader
        e.setAllowStreaming(false);
        return e;
    }

    /** For the start-up banner. */
    public String describe() {
        long senders = partners.all().size();
        long receivers = partners.all().stream().filter(p -> p.endpoint().isPresent()).count();
        if (senders == 0) {
            return "SOAP     not listening: no exchange partner configured (adapter.soap.partners)";
        }
        return "SOAP     " + address(settings).replace("0.0.0.0", "localhost") + "?wsdl  (WCO DM declarations and responses; "
                + senders + " partner(s), " + receivers + " receiving declarations)";
    }
}
