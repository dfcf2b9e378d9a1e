package org.wcoecom.adapter.soap;

import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.namespace.QName;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.CryptoCoverageUtil;
import org.apache.cxf.ws.security.wss4j.CryptoCoverageUtil.CoverageScope;
import org.apache.cxf.ws.security.wss4j.CryptoCoverageUtil.CoverageType;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.message.token.Timestamp;
import org.w3c.dom.Element;

/**
 * After WSS4J has verified what the security header holds (the UsernameToken's password, any
 * signature, the timestamp's age), decides who is calling and whether that is enough:
 * <ul>
 * <li>a UsernameToken of a configured partner;</li>
 * <li>a timestamp, from every partner (WSS4J has refused one older than
 * {@code adapter.soap.timestamp-max-age});</li>
 * <li>for a partner that signs, a signature made with one of its own certificates that covers the
 * envelope's own Body and that timestamp. Coverage is by identity, the element the signature's
 * reference resolved to against the envelope's Body element (CXF's {@link CryptoCoverageUtil}):
 * a signed element named Body moved elsewhere in the envelope, its place taken by another Body
 * (signature wrapping), covers nothing.</li>
 * </ul>
 * The partner's id is left on the message for the route. Anything missing is a SOAP fault: these
 * are SOAP-level refusals, not business answers.
 */
final class PartnerCheck extends AbstractSoapInterceptor {

    /** The message property (and exchange property) naming the authenticated partner. */
    static final String PARTNER = "adapter.soap.partner";

    private final ExchangePartners partners;
    private final Map<String, List<X509Certificate>> certificates;

    PartnerCheck(ExchangePartners partners, Map<String, List<X509Certificate>> certificates) {
        super(Phase.PRE_PROTOCOL);
        addAfter(WSS4JInInterceptor.class.getName());
        this.partners = partners;
        this.certificates = certificates;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        List<WSSecurityEngineResult> results = results(message);
        ExchangePartner partner = results.stream()
                .filter(r -> action(r) == WSConstants.UT && r.get(WSSecurityEngineResult.TAG_PRINCIPAL) instanceof Principal)
                .map(r -> ((Principal) r.get(WSSecurityEngineResult.TAG_PRINCIPAL)).getName())
                .findFirst().flatMap(partners::byUsername)
                .orElseThrow(() -> fault("a WS-Security UsernameToken of a known exchange partner is required"));
        Optional<Element> timestamp = results.stream().filter(r -> action(r) == WSConstants.TS)
                .map(r -> ((Timestamp) r.get(WSSecurityEngineResult.TAG_TIMESTAMP)).getElement()).findFirst();
        if (timestamp.isEmpty()) {
            throw fault("a WS-Security timestamp is required");
        }
        Element body = body(message);
        if (partner.signed()) {
            requireSigned(partner, results, body, timestamp.get());
        }
        message.put(PARTNER, partner.id());
        message.getExchange().put(PARTNER, partner.id());
    }

    /** The envelope's Body and the timestamp, each covered by a signature with one of the partner's certificates. */
    private void requireSigned(ExchangePartner partner, List<WSSecurityEngineResult> results, Element body, Element timestamp) {
        List<X509Certificate> own = certificates.getOrDefault(partner.id(), List.of());
        List<WSDataRef> covered = new ArrayList<>();
        boolean signedByOthers = false;
        for (WSSecurityEngineResult r : results) {
            if (action(r) == WSConstants.SIGN) {
                if (own.contains((X509Certificate) r.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE))) {
                    @SuppressWarnings("unchecked")
                    List<WSDataRef> refs = (List<WSDataRef>) r.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
                    if (refs != null) {
                        covered.addAll(refs);
                    }
                } else {
                    signedByOthers = true;
                }
            }
        }
        if (covered.isEmpty() && signedByOthers) {
            throw fault("the request is signed with a certificate that is not partner " + partner.id() + "'s");
        }
        try {
            CryptoCoverageUtil.checkBodyCoverage(body, covered, CoverageType.SIGNED, CoverageScope.ELEMENT);
        } catch (WSSecurityException e) {
            throw fault("partner " + partner.id() + " must sign the SOAP Body of the envelope (WS-Security XML signature)");
        }
        if (covered.stream().noneMatch(ref -> ref.getProtectedElement() == timestamp && !ref.isContent())) {
            throw fault("partner " + partner.id() + " must sign the timestamp along with the SOAP Body");
        }
    }

    /**
     * The envelope's own Body, as the DOM element WSS4J resolved the signature's references in
     * (SAAJ hands out wrappers of its DOM nodes, which are other objects). CXF takes the first
     * element named Body in document order for the Body, even inside a header, and reads no further;
     * should the tree ever hold a second one, which of them the service reads would be unclear, so
     * the request is refused.
     */
    private static Element body(SoapMessage message) {
        SOAPMessage saaj = message.getContent(SOAPMessage.class);
        if (saaj == null) {
            throw fault("the SOAP envelope could not be read");
        }
        try {
            Element envelope = (Element) DOMUtils.getDomElement(saaj.getSOAPPart().getEnvelope());
            String soap = envelope.getNamespaceURI();
            Element body = DOMUtils.getFirstChildWithName(envelope, soap, "Body");
            if (body == null || envelope.getElementsByTagNameNS(soap, "Body").getLength() != 1) {
                throw fault("the SOAP envelope must hold exactly one Body, the Envelope's child");
            }
            return body;
        } catch (SOAPException e) {
            throw fault("the SOAP envelope could not be read: " + e.getMessage());
        }
    }

    private static List<WSSecurityEngineResult> results(SoapMessage message) {
        @SuppressWarnings("unchecked")
        List<WSHandlerResult> handlerResults = (List<WSHandlerResult>) message.get(WSHandlerConstants.RECV_RESULTS);
        List<WSSecurityEngineResult> all = new ArrayList<>();
        if (handlerResults != null) {
            handlerResults.forEach(h -> all.addAll(h.getResults()));
        }
        return all;
    }

    private static int action(WSSecurityEngineResult r) {
        return r.get(WSSecurityEngineResult.TAG_ACTION) instanceof Integer i ? i : -1;
    }

    private static SoapFault fault(String reason) {
        return new SoapFault(reason, new QName(WSConstants.WSSE_NS, "FailedAuthentication"));
    }
}
