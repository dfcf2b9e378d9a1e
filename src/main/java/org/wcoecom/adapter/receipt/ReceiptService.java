package org.wcoecom.adapter.receipt;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import jakarta.xml.bind.JAXBElement;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.model.BatchType;
import org.wcoecom.adapter.canonical.model.ErrorType;
import org.wcoecom.adapter.canonical.model.OutcomeType;
import org.wcoecom.adapter.canonical.model.PointerType;
import org.wcoecom.adapter.canonical.model.ReferenceType;
import org.wcoecom.adapter.canonical.model.RefersToType;
import org.wcoecom.adapter.canonical.model.ResponseType;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.message.IngressResult;
import org.wcoecom.adapter.message.RejectedMessageException;
import org.wcoecom.adapter.message.Rejection;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.rules.RuleViolation;
import org.wcoecom.adapter.xml.XmlError;

/**
 * Answers every sender in its own format: builds canonical Responses (one per business record)
 * and writes them in the receipt format of the message's format, or of the partner, or the
 * configured default.
 */
public final class ReceiptService {

    private final FormatRegistry formats;
    private final Translator translator;
    private final PartnerDirectory partners;
    private final String defaultFormat;
    private final ZoneId zone;
    private final DatatypeFactory datatypes;

    public ReceiptService(FormatRegistry formats, Translator translator, PartnerDirectory partners,
                          String defaultFormat, ZoneId zone) {
        this.formats = formats;
        this.translator = translator;
        this.partners = partners;
        this.defaultFormat = defaultFormat;
        this.zone = zone;
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
        formats.byId(defaultFormat).orElseThrow(() -> new IllegalArgumentException(
                "adapter.receipt.default-format: format " + defaultFormat + " is not registered"));
    }

    /** Camel step: the body is the {@link IngressResult}; it becomes the acceptance receipt. */
    public void accepted(Exchange exchange) throws TranslationException {
        IngressResult result = exchange.getMessage().getBody(IngressResult.class);
        Receipt receipt = accepted(result);
        setReceipt(exchange.getMessage(), receipt, result.getPartner());
    }

    /** Camel step in the error handler: the caught rejection becomes the rejection receipt. */
    public void rejected(Exchange exchange) throws TranslationException {
        RejectedMessageException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RejectedMessageException.class);
        Receipt receipt = rejected(e.rejection());
        Message m = exchange.getMessage();
        setReceipt(m, receipt, e.rejection().partner().orElse(m.getHeader(Headers.PARTNER, String.class)));
        m.setHeader(Headers.HTTP_STATUS, e.httpStatus());
    }

    private static void setReceipt(Message m, Receipt receipt, String partner) {
        m.setBody(receipt.xml());
        m.setHeader(Headers.OUTCOME, receipt.outcome());
        m.setHeader(Headers.RECEIPT_FORMAT, receipt.format());
        m.setHeader(Headers.RECORDS, receipt.records());
        if (partner != null) {
            m.setHeader(Headers.PARTNER, partner);
        }
        m.setHeader(Exchange.CONTENT_TYPE, "application/xml; charset=UTF-8");
    }

    public Receipt accepted(IngressResult result) throws TranslationException {
        List<ResponseType> responses = new ArrayList<>();
        List<Format.RecordRef> records = result.getRecords();
        List<CanonicalDocument> documents = result.getDocuments();
        for (int i = 0; i < documents.size(); i++) {
            CanonicalDocument doc = documents.get(i);
            Optional<Format.RecordRef> record = i < records.size() ? Optional.of(records.get(i)) : Optional.empty();
            boolean duplicate = result.isDuplicate(i);
            ResponseType r = response(duplicate ? OutcomeType.DUPLICATE : OutcomeType.ACCEPTED, result.getPartner(),
                    result.getFormat().id(), result.getMessageId(), record);
            r.getRefersTo().setRecordId(doc.recordId());
            String what = doc.kind().toLowerCase(Locale.ROOT) + " " + record.map(Format.RecordRef::key).orElse(doc.recordId());
            if (duplicate) {
                r.setMessage(what + " was already received as record " + doc.recordId() + "; not forwarded again");
            } else {
                r.setMessage(what + " accepted as record " + doc.recordId() + "; queued for forwarding");
                r.setAcceptanceDateTime(r.getIssueDateTime());
            }
            responses.add(r);
        }
        Format receiptFormat = receiptFormat(Optional.of(result.getFormat()), Optional.of(result.getPartner()));
        return new Receipt(result.isAllDuplicates() ? Headers.OUTCOME_DUPLICATE : Headers.OUTCOME_ACCEPTED,
                receiptFormat.id(), responses.size(), render(receiptFormat, responses));
    }

    public Receipt rejected(Rejection rejection) throws TranslationException {
        List<Format.RecordRef> records = rejection.format().isPresent() && rejection.document().isPresent()
                ? rejection.format().get().records(rejection.document().get()) : List.of();
        String formatId = rejection.format().map(Format::id).orElse(null);
        Optional<String> messageId = rejection.format().flatMap(f -> rejection.document().flatMap(f::messageId));
        List<ResponseType> responses = new ArrayList<>();
        if (records.isEmpty()) {
            ResponseType r = response(OutcomeType.REJECTED, rejection.partner().orElse(null), formatId, messageId, Optional.empty());
            r.setMessage("message rejected: " + count(rejection.errors().size() + rejection.dropped()));
            addErrors(r, rejection.errors(), rejection);
            responses.add(r);
        } else {
            List<XmlError> messageLevel = rejection.errors().stream()
                    .filter(e -> records.stream().noneMatch(rec -> within(e, rec))).toList();
            for (Format.RecordRef record : records) {
                ResponseType r = response(OutcomeType.REJECTED, rejection.partner().orElse(null), formatId, messageId, Optional.of(record));
                rejection.partner().ifPresent(p -> r.getRefersTo().setRecordId(p + ":" + record.key()));
                List<XmlError> own = rejection.errors().stream().filter(e -> within(e, record)).toList();
                List<XmlError> mine = new ArrayList<>(own);
                mine.addAll(messageLevel);
                if (mine.isEmpty()) {
                    List<String> others = records.stream()
                            .filter(rec -> rejection.errors().stream().anyMatch(e -> within(e, rec)))
                            .map(Format.RecordRef::path).toList();
                    r.setMessage("message rejected because of errors in other records: " + String.join(", ", others));
                } else {
                    r.setMessage("rejected: " + count(mine.size()));
                }
                addErrors(r, mine, rejection);
                responses.add(r);
            }
        }
        Format receiptFormat = receiptFormat(rejection.format(), rejection.partner());
        return new Receipt(Headers.OUTCOME_REJECTED, receiptFormat.id(), responses.size(), render(receiptFormat, responses));
    }

    /**
     * The answer to the sender of one document of a cross-check that failed (documents disagree, or
     * some never came, or the declaration was refused by screening).
     */
    public Receipt rejectedByRules(String partner, String format, String recordId, Map<String, String> references,
                                   String summary, List<RuleViolation> violations) throws TranslationException {
        ResponseType r = response(OutcomeType.REJECTED, partner, format, Optional.empty(), Optional.empty());
        r.getRefersTo().setRecordId(recordId);
        references.forEach((type, value) -> {
            ReferenceType ref = new ReferenceType();
            ref.setType(type);
            ref.setValue(value);
            r.getRefersTo().getReference().add(ref);
        });
        r.setMessage(summary);
        r.setRejectionDateTime(r.getIssueDateTime());
        for (RuleViolation v : violations) {
            ErrorType err = new ErrorType();
            err.setCode(v.code());
            err.setDescription(v.message());
            for (String path : v.paths()) {
                PointerType p = new PointerType();
                p.setPath(path);
                p.setDocument("canonical");
                err.getPointer().add(p);
            }
            r.getError().add(err);
        }
        Format receiptFormat = receiptFormat(formats.byId(format), Optional.ofNullable(partner));
        return new Receipt(Headers.OUTCOME_REJECTED, receiptFormat.id(), 1, render(receiptFormat, List.of(r)));
    }

    /** A response from customs, written in the receipt format of the record it answers. */
    public Receipt relayed(ResponseType response, String answeredFormat, String partner) throws TranslationException {
        Format receiptFormat = receiptFormat(formats.byId(answeredFormat), Optional.ofNullable(partner));
        return new Receipt(response.getOutcome().value(), receiptFormat.id(), 1, render(receiptFormat, List.of(response)));
    }

    private void addErrors(ResponseType r, List<XmlError> errors, Rejection rejection) {
        for (XmlError e : errors) {
            ErrorType err = new ErrorType();
            err.setCode(e.code());
            err.setDescription(e.message() == null || e.message().isBlank() ? e.code() : e.message());
            PointerType p = new PointerType();
            p.setPath(e.path() == null || e.path().isEmpty() ? "/" : e.path());
            p.setLine(BigInteger.valueOf(e.line()));
            p.setColumn(BigInteger.valueOf(e.column()));
            p.setDocument(rejection.errorDocument());
            err.getPointer().add(p);
            r.getError().add(err);
        }
        if (rejection.dropped() > 0) {
            ErrorType more = new ErrorType();
            more.setCode(errors.isEmpty() ? XmlError.SCHEMA_INVALID : errors.get(errors.size() - 1).code());
            more.setDescription(rejection.dropped() + " further errors not listed");
            r.getError().add(more);
        }
    }

    /** Errors in a record are those whose path lies inside the record's element. */
    private static boolean within(XmlError e, Format.RecordRef record) {
        return e.path() != null && (e.path().equals(record.path()) || e.path().startsWith(record.path() + "/"));
    }

    private ResponseType response(OutcomeType outcome, String partner, String format, Optional<String> messageId,
                                  Optional<Format.RecordRef> record) {
        ResponseType r = new ResponseType();
        r.setResponseId(UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        r.setIssueDateTime(now());
        r.setOutcome(outcome);
        RefersToType refersTo = new RefersToType();
        if (partner != null) {
            refersTo.setPartner(partner);
        }
        refersTo.setFormat(format);
        messageId.ifPresent(refersTo::setMessageId);
        record.flatMap(Format.RecordRef::guid).ifPresent(refersTo::setRecordGuid);
        record.ifPresent(rec -> {
            for (Map.Entry<String, String> e : rec.references().entrySet()) {
                ReferenceType ref = new ReferenceType();
                ref.setType(e.getKey());
                ref.setValue(e.getValue());
                refersTo.getReference().add(ref);
            }
        });
        r.setRefersTo(refersTo);
        return r;
    }

    private Format receiptFormat(Optional<Format> messageFormat, Optional<String> partner) {
        String id = messageFormat.flatMap(Format::receiptFormat)
                .or(() -> partner.flatMap(partners::byId).flatMap(p -> p.receiptFormat()))
                .orElse(defaultFormat);
        return formats.byId(id).orElseThrow(() -> new IllegalStateException("receipt format " + id + " is not registered"));
    }

    private byte[] render(Format receiptFormat, List<ResponseType> responses) throws TranslationException {
        JAXBElement<?> root;
        if (responses.size() == 1) {
            root = Canonical.FACTORY.createResponse(responses.get(0));
        } else {
            BatchType batch = new BatchType();
            batch.getOrderOrPaymentOrShipment().addAll(responses);
            root = Canonical.FACTORY.createBatch(batch);
        }
        var tree = Canonical.toTree(root);
        if (FormatRegistry.CANONICAL.equals(receiptFormat.id())) {
            return translator.writeValidated(tree, receiptFormat.schema(), Translator.OUTPUT_INVALID, receiptFormat.id());
        }
        return translator.fromCanonical(receiptFormat, tree,
                Map.of("message-guid", UUID.randomUUID().toString().toUpperCase(Locale.ROOT)));
    }

    private XMLGregorianCalendar now() {
        OffsetDateTime t = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MILLIS);
        return datatypes.newXMLGregorianCalendar(GregorianCalendar.from(t.toZonedDateTime()));
    }

    private static String count(int n) {
        return n == 1 ? "1 error" : n + " errors";
    }
}
