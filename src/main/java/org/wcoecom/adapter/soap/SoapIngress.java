package org.wcoecom.adapter.soap;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.wcoecom.adapter.message.Headers;

/**
 * The SOAP channel's edge: the body of a request becomes bytes for the shared pipeline, with the
 * partner WS-Security authenticated (never a partner named in the message); the receipt becomes
 * the body of the response.
 */
public final class SoapIngress {

    /** submitDeclaration or submitResponse */
    public static final String OPERATION = "AdapterSoapOperation";
    public static final String CHANNEL = "soap";

    /** Camel step: the request's body to bytes; channel, partner and operation as headers. */
    public void prepare(Exchange exchange) {
        Message m = exchange.getMessage();
        org.apache.cxf.message.Message cxf = m.getHeader(CxfConstants.CAMEL_CXF_MESSAGE, org.apache.cxf.message.Message.class);
        Object partner = cxf == null ? null : cxf.getExchange().get(PartnerCheck.PARTNER);
        if (partner == null) {
            // PartnerCheck runs before any route sees a request: this is a wiring mistake, not a partner's
            throw new IllegalStateException("SOAP request without an authenticated partner");
        }
        m.setHeader(OPERATION, m.getHeader(CxfConstants.OPERATION_NAME, String.class));
        m.setHeader(Headers.CHANNEL, CHANNEL);
        m.setHeader(Headers.PARTNER, partner.toString());
        m.setBody(Payloads.bytes(m.getBody(CxfPayload.class)));
    }

    /** Camel step: the receipt (bytes) becomes the SOAP response's body. */
    public void reply(Exchange exchange) {
        Message m = exchange.getMessage();
        m.setBody(Payloads.payload(m.getBody(byte[].class)));
    }
}
