package org.wcoecom.adapter.pipeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.store.AuditTrail;
import org.wcoecom.adapter.xml.XmlError;

/**
 * The outbound half: a canonical document from a canonical queue, translated to a destination's
 * format and validated against its schema. A document that cannot be translated is an error of
 * the adapter's data (mapping, code lists), not of the network, so it fails the exchange: the
 * broker's redelivery and dead-letter settings take over.
 */
public final class EgressService {

    private final FormatRegistry formats;
    private final MessageReader reader;
    private final Translator translator;
    private final Map<String, String> transferOverrides;
    private final AuditTrail audit;

    /**
     * @param transferOverrides stylesheet parameters that replace the envelope's sender
     *                          (transfer-cop-code, transfer-cop-name, transfer-dxp-id); empty values are ignored
     */
    public EgressService(FormatRegistry formats, MessageReader reader, Translator translator, Map<String, String> transferOverrides,
                         AuditTrail audit) {
        this.audit = audit;
        this.formats = formats;
        this.reader = reader;
        this.translator = translator;
        this.transferOverrides = Map.copyOf(transferOverrides);
    }

    /** Camel step: the body (canonical XML) becomes a message in the given format. */
    public void translate(Exchange exchange, String formatId) throws TranslationException {
        Message m = exchange.getMessage();
        Format target = formats.byId(formatId).orElseThrow(() -> new IllegalArgumentException(
                "egress format " + formatId + " is not registered"));
        ReadResult read = reader.read(m.getBody(byte[].class));
        if (!read.valid() || !FormatRegistry.CANONICAL.equals(read.format().map(Format::id).orElse(""))) {
            throw new IllegalStateException("not a valid canonical document: " + read.allErrors().stream()
                    .map(XmlError::describe).collect(Collectors.joining("; ")));
        }
        String guid = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Map<String, Object> params = new HashMap<>(transferOverrides);
        params.put("message-guid", guid);
        byte[] out = translator.fromCanonical(target, read.document().orElseThrow(), params);
        m.setBody(out);
        m.setHeader(Headers.FORMAT, target.id());
        m.setHeader(Headers.MESSAGE_GUID, guid);
    }

    /** Camel step once the message has been sent: the audit trail's FORWARDED event. */
    public void forwarded(Exchange exchange, String destination) {
        Message m = exchange.getMessage();
        String recordId = m.getHeader(Headers.RECORD_ID, String.class);
        String partner = recordId != null && recordId.contains(":") ? recordId.substring(0, recordId.indexOf(':')) : null;
        audit.record(List.of(new AuditTrail.Event(Instant.now(), AuditTrail.FORWARDED, partner, "jms",
                m.getHeader(Headers.FORMAT, String.class), m.getHeader(Headers.MESSAGE_GUID, String.class), recordId,
                AuditTrail.sha256(m.getBody(byte[].class)), "SENT", "to " + destination, null)));
    }
}
