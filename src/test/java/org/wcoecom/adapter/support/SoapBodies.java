package org.wcoecom.adapter.support;

/** The payload of a SOAP response, as a document of its own (what a partner's system reads). */
public final class SoapBodies {

    private SoapBodies() {
    }

    public static String body(String envelope) {
        var doc = Xml.parse(envelope);
        var payload = Xml.values(doc, "serialize(/*:Envelope/*:Body/*[1])");
        if (payload.isEmpty()) {
            throw new AssertionError("no SOAP body in " + envelope);
        }
        return payload.get(0);
    }

    public static boolean isFault(String envelope) {
        return !Xml.values(Xml.parse(envelope), "/*:Envelope/*:Body/*:Fault").isEmpty();
    }
}
