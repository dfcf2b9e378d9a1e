package org.wcoecom.adapter.format;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.namespace.QName;

/**
 * What {@code mappings/<id>/format.yaml} says about a partner format. Paths are resolved: the
 * schema under {@code xsd/}, stylesheets inside the format's folder.
 *
 * @param id            the format id, the folder name
 * @param title         one line for people
 * @param kind          order, payment, waybill, status, inventory, declaration, cancellation, return,
 *                      consignment-list, tax-bill, tax-bill-status, response, receipt, canonical
 * @param roots         the root element names that identify a message of this format
 * @param folder        {@code mappings/<id>}
 * @param schema        the XSD that validates it (under {@code xsd/}, or found through the schema catalog)
 * @param schemaName    the schema as format.yaml names it: a path under {@code xsd/} or a catalog name
 * @param toCanonical   stylesheet turning a message into canonical documents, if the format is read
 * @param fromCanonical stylesheet turning canonical documents into a message, if the format is written
 * @param receiptFormat the format the sender of such a message is answered in, if any
 * @param sender        XPath (from the root element) to the sender's own code, if the format names one
 * @param messageId     XPath (from the root element) to the message's own id, if it has one
 * @param records       how to find the business records in a message, for receipts and record ids
 * @param signed        whether messages of this format carry the sender's XML signature (the adapter
 *                      signs what it writes in such a format)
 * @param signatureBefore the child of the root the adapter's signature goes before, when the message
 *                      has one (the CEB export schema puts ds:Signature before ExtendMessage); else
 *                      the signature is the root's last child
 */
public record FormatDefinition(
        String id,
        String title,
        String kind,
        List<QName> roots,
        Path folder,
        Path schema,
        String schemaName,
        Optional<Path> toCanonical,
        Optional<Path> fromCanonical,
        Optional<String> receiptFormat,
        Optional<String> sender,
        Optional<String> messageId,
        Optional<Records> records,
        boolean signed,
        Optional<QName> signatureBefore) {

    /**
     * The business records of a message: {@code select} finds each one (relative to the root),
     * {@code key} gives its business key (relative to the record), {@code guid} the sender's own
     * record id, and {@code references} the typed keys a receipt must carry to be matched;
     * {@code senderReferences} names those references that must be a code of the partner who sent the
     * record (an order's platform, a payment's provider). {@code split} is the path of the elements a
     * batch file is cut along when it is not {@code select} itself (camt.054: its entries, whose
     * transaction details are the records).
     */
    public record Records(String select, String key, Optional<String> guid, Map<String, String> references,
                          List<String> senderReferences, Optional<String> split) {
    }

    /**
     * The kinds of format.yaml besides the business kinds of mappings/canonical/kinds.yaml: answers
     * (receipts, responses) and the canonical model itself, which carry no business records of their own.
     */
    public static final List<String> ANSWER_KINDS = List.of("response", "receipt", "canonical");

    public boolean readable() {
        return toCanonical.isPresent();
    }

    public boolean writable() {
        return fromCanonical.isPresent();
    }

    /** "to-canonical, from-canonical", "from-canonical", or "validate only". */
    public String directions() {
        if (readable() && writable()) {
            return "to-canonical, from-canonical";
        }
        if (readable()) {
            return "to-canonical";
        }
        if (writable()) {
            return "from-canonical";
        }
        return "validate only";
    }
}
