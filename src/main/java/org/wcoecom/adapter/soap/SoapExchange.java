package org.wcoecom.adapter.soap;

import javax.sql.DataSource;
import javax.xml.namespace.QName;

import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.main.Main;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.receipt.ReceiptService;
import org.wcoecom.adapter.runtime.Settings;

/**
 * The customs-to-customs exchange over SOAP, assembled from the settings and bound under the names
 * routes/soap.yaml uses: exchangeService (the CXF service, WSDL-first, PAYLOAD mode, on Jetty),
 * exchangeClient-&lt;partner&gt; (a CXF client per partner with an endpoint), soapIngress,
 * soapEgress, exchangeResponses.
 */
public final class SoapExchange {

    public static final String NAMESPACE = "urn:wco-ecom-adapter:exchange:1";
    private static final QName SERVICE = new QName(NAMESPACE, "CustomsExchangeService");
    private static final QName PORT = new QName(NAMESPACE, "CustomsExchangePort");

    private final Settings settings;
    private final ExchangePartners partners;
    private final ExchangeSecurity security;
    private final ExchangeLog log;
    private final SoapEgress egress;
    private final ExchangeResponses responses;

    public SoapExchange(Settings settings, FormatRegistry formats, MessageReader reader, Translator translator,
                        ReceiptService receipts, DataSource db) {
        this.settings = settings;
        this.partners = ExchangePartners.from(settings);
        this.security = new ExchangeSecurity(settings, partners);
        this.log = new ExchangeLog(db);
        this.egress = new SoapEgress(partners, formats, reader, translator, receipts, log,
                settings.get("adapter.soap.egress.default-country"));
        this.responses = new ExchangeResponses(reader, translator, receipts, log);
    }

    /** Where the service listens, e.g. http://0.0.0.0:8081/ws/exchange. */
    public static String address(Settings settings) {
        return "http://" + settings.get("adapter.soap.host") + ":" + settings.get("adapter.soap.port")
                + settings.get("adapter.soap.path");
    }

    public void bind(Main main) {
        String wsdl = settings.home().resolve("xsd/soap/exchange.wsdl").toUri().toString();
        CxfEndpoint service = endpoint(wsdl, address(settings));
        service.getInInterceptors().addAll(security.serverInterceptors());
        main.bind("exchangeService", service);
        long connect = Long.parseLong(settings.get("adapter.soap.client.connect-timeout"));
        long receive = Long.parseLong(settings.get("adapter.soap.client.receive-timeout"));
        for (ExchangePartner p : partners.all()) {
            p.endpoint().ifPresent(url -> {
                CxfEndpoint client = endpoint(wsdl, url);
                client.setDefaultOperationName("submitDeclaration");
                client.setDefaultOperationNamespace(NAMESPACE);
                client.getOutInterceptors().add(security.clientInterceptor(p));
                client.setCxfConfigurer(new ClientTimeouts(connect, receive));
                main.bind("exchangeClient-" + p.id(), client);
            });
        }
        main.bind("soapIngress", new SoapIngress());
        main.bind("soapEgress", egress);
        main.bind("exchangeResponses", responses);
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
        return "SOAP     " + address(settings).replace("0.0.0.0", "localhost") + "?wsdl  (WCO DM declarations and responses; "
                + (senders == 0 ? "no exchange partners configured: every request is refused" : senders + " partner(s), "
                + receivers + " receiving declarations") + ")";
    }
}
