package org.wcoecom.adapter.soap;

import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerConstants;
import org.apache.wss4j.dom.handler.WSHandlerResult;

/**
 * After WSS4J has verified what the security header holds (the UsernameToken's password, any
 * signature and timestamp), decides who is calling and whether that is enough: a UsernameToken of
 * a configured partner is required, and a partner that must sign must have signed the SOAP Body
 * with one of its own certificates. The partner's id is left on the message for the route.
 * Anything missing is a SOAP fault: these are SOAP-level refusals, not business answers.
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
        @SuppressWarnings("unchecked")
        List<WSHandlerResult> results = (List<WSHandlerResult>) message.get(WSHandlerConstants.RECV_RESULTS);
        Optional<String> user = Optional.empty();
        X509Certificate signer = null;
        boolean bodySigned = false;
        QName body = message.getVersion().getBody();
        if (results != null) {
            for (WSHandlerResult handlerResult : results) {
                for (WSSecurityEngineResult r : handlerResult.getResults()) {
                    Integer action = (Integer) r.get(WSSecurityEngineResult.TAG_ACTION);
                    if (action != null && action == WSConstants.UT && r.get(WSSecurityEngineResult.TAG_PRINCIPAL) instanceof Principal p) {
                        user = Optional.of(p.getName());
                    } else if (action != null && action == WSConstants.SIGN) {
                        @SuppressWarnings("unchecked")
                        List<WSDataRef> refs = (List<WSDataRef>) r.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
                        if (refs != null && refs.stream().anyMatch(ref -> body.equals(ref.getName()))) {
                            bodySigned = true;
                            signer = (X509Certificate) r.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
                        }
                    }
                }
            }
        }
        ExchangePartner partner = user.flatMap(partners::byUsername)
                .orElseThrow(() -> fault("a WS-Security UsernameToken of a known exchange partner is required"));
        if (partner.signed()) {
            if (!bodySigned || signer == null) {
                throw fault("partner " + partner.id() + " must sign the SOAP Body (WS-Security XML signature)");
            }
            X509Certificate used = signer;
            if (certificates.getOrDefault(partner.id(), List.of()).stream().noneMatch(c -> c.equals(used))) {
                throw fault("the SOAP Body is signed with a certificate that is not partner " + partner.id() + "'s");
            }
        }
        message.put(PARTNER, partner.id());
        message.getExchange().put(PARTNER, partner.id());
    }

    private static SoapFault fault(String reason) {
        return new SoapFault(reason, new QName(WSConstants.WSSE_NS, "FailedAuthentication"));
    }
}
