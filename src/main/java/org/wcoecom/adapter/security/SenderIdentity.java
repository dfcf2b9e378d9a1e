package org.wcoecom.adapter.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatDefinition;
import org.wcoecom.adapter.format.NodePaths;
import org.wcoecom.adapter.partner.Partner;

import org.wcoecom.adapter.xml.XmlError;

/**
 * The sender named inside a message must be the partner the channel authenticated: the
 * transmitting enterprise (CEB {@code BaseTransfer/copCode}) and, in each record, the codes the
 * format ties to its sender (an order's platform, a payment's provider, a waybill's carrier, an
 * inventory's declarant) must all be codes of that partner in the partners file.
 */
public final class SenderIdentity {

    public static final String NOT_AUTHORISED = "SENDER_NOT_AUTHORISED";

    private SenderIdentity() {
    }

    /** What in the message names someone other than the partner; empty when all is the partner's own. */
    public static List<XmlError> check(Partner partner, Format format, XdmNode document, List<Format.RecordRef> records) {
        List<XmlError> errors = new ArrayList<>();
        format.senderCode(document).ifPresent(code -> {
            if (!partner.senderCodes().contains(code)) {
                // where the code is: its element path, line and column (the node format.yaml's sender names)
                errors.add(format.senderNode(document).map(node -> error(partner, code, node, "the sender code"))
                        .orElseGet(() -> error(partner, code, "/" + rootName(document), "the sender code")));
            }
        });
        Optional<FormatDefinition.Records> spec = format.definition().records();
        if (spec.isPresent()) {
            for (Format.RecordRef record : records) {
                for (String type : spec.get().senderReferences()) {
                    String code = record.references().get(type);
                    if (code != null && !partner.senderCodes().contains(code)) {
                        String what = "the " + type.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                        // where the code is in the message, also when it is outside the record (an ancestor's)
                        errors.add(format.referenceNode(document, record, type)
                                .map(node -> error(partner, code, node, what))
                                .orElseGet(() -> error(partner, code, record.path() + "/" + plain(spec.get().references().get(type)), what)));
                    }
                }
            }
        }
        return errors;
    }

    private static XmlError error(Partner partner, String code, String path, String what) {
        return new XmlError(NOT_AUTHORISED, 0, 0, path, what + " " + code + " is not a code of partner " + partner.id()
                + (partner.senderCodes().isEmpty() ? " (the partners file lists none)" : " (" + String.join(", ", partner.senderCodes()) + ")"));
    }

    private static XmlError error(Partner partner, String code, XdmNode at, String what) {
        XmlError e = error(partner, code, NodePaths.of(at), what);
        return new XmlError(e.code(), Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()), e.path(), e.message());
    }

    /** {@code *:BaseTransfer/*:copCode} as the path a person reads: {@code BaseTransfer/copCode}. */
    private static String plain(String xpath) {
        return xpath == null ? "" : xpath.replace("*:", "");
    }

    private static String rootName(XdmNode document) {
        if (document.getNodeKind() == XdmNodeKind.DOCUMENT) {
            for (XdmNode child : document.children()) {
                if (child.getNodeKind() == XdmNodeKind.ELEMENT) {
                    return child.getNodeName().getLocalName();
                }
            }
        }
        return document.getNodeName() == null ? "" : document.getNodeName().getLocalName();
    }
}
