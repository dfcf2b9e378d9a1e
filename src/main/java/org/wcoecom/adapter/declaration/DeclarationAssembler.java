package org.wcoecom.adapter.declaration;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import org.wcoecom.adapter.canonical.Amounts;
import org.wcoecom.adapter.canonical.Parties;
import org.wcoecom.adapter.canonical.model.AddressType;
import org.wcoecom.adapter.canonical.model.ClassificationType;
import org.wcoecom.adapter.canonical.model.CodeType;
import org.wcoecom.adapter.canonical.model.CountryType;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.FilingStatusCodeType;
import org.wcoecom.adapter.canonical.model.FilingStatusType;
import org.wcoecom.adapter.canonical.model.FunctionCodeType;
import org.wcoecom.adapter.canonical.model.FunctionType;
import org.wcoecom.adapter.canonical.model.GoodsItemType;
import org.wcoecom.adapter.canonical.model.HeaderType;
import org.wcoecom.adapter.canonical.model.IdentifierType;
import org.wcoecom.adapter.canonical.model.OrderLineType;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
import org.wcoecom.adapter.canonical.model.PartyType;
import org.wcoecom.adapter.canonical.model.PaymentType;
import org.wcoecom.adapter.canonical.model.QuantityType;
import org.wcoecom.adapter.canonical.model.ReferenceType;
import org.wcoecom.adapter.canonical.model.ShipmentType;
import org.wcoecom.adapter.canonical.model.SourceType;
import org.wcoecom.adapter.canonical.model.TradeDirectionCodeType;
import org.wcoecom.adapter.canonical.model.TradeDirectionType;
import org.wcoecom.adapter.canonical.model.TransmissionPartyType;
import org.wcoecom.adapter.canonical.model.TransmissionType;
import org.wcoecom.adapter.canonical.model.TransportDocumentType;
import org.wcoecom.adapter.canonical.model.TransportType;
import org.wcoecom.adapter.canonical.model.TypeOfPersonType;
import org.wcoecom.adapter.canonical.model.WeightType;
import org.wcoecom.adapter.format.CodeLists;
import org.wcoecom.adapter.rules.RuleViolation;
import org.wcoecom.adapter.store.Catalogue;

/**
 * Builds the canonical Declaration (the customs inventory) of an order whose order, payment and
 * waybill agree: the head from the three documents and the declarant settings, the goods lines
 * from the order lines and the catalogue.
 */
public final class DeclarationAssembler {

    private final DeclarantSettings declarant;
    final Catalogue catalogue;
    private final CodeLists codes;
    private final Clock clock;
    private final DatatypeFactory datatypes;

    public DeclarationAssembler(DeclarantSettings declarant, Catalogue catalogue, CodeLists codes, ZoneId zone) {
        this(declarant, catalogue, codes, Clock.system(zone));
    }

    /** @param clock the declarations' issue times and dates, in the customs office's zone */
    DeclarationAssembler(DeclarantSettings declarant, Catalogue catalogue, CodeLists codes, Clock clock) {
        this.declarant = declarant;
        this.catalogue = catalogue;
        this.codes = codes;
        this.clock = clock;
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A declaration, or why there is none yet (held: the catalogue lacks items) or never (rejected). */
    public sealed interface Result permits Assembled, Held, Rejected {
    }

    public record Assembled(DeclarationType declaration, String buyerKey) implements Result {
    }

    public record Held(String reason) implements Result {
    }

    public record Rejected(List<RuleViolation> violations) implements Result {
    }

    public Result assemble(OrderType order, PaymentType payment, ShipmentType waybill) {
        List<RuleViolation> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<GoodsItemType> items = new ArrayList<>();
        BigDecimal netWeight = BigDecimal.ZERO;
        boolean netKnown = true;
        for (OrderLineType line : order.getLine()) {
            String path = "/Order/Line[" + line.getLineNumber() + "]/Sku";
            if (line.getSku() == null || line.getSku().isBlank()) {
                problems.add(new RuleViolation("DECL-ITEM-NUMBER", "line " + line.getLineNumber()
                        + " has no item number, so the catalogue cannot give its commodity code", List.of(path)));
                continue;
            }
            if (line.getSku().length() > 20) {
                problems.add(new RuleViolation("DECL-ITEM-NUMBER", "line " + line.getLineNumber()
                        + ": its item number is longer than the 20 characters an inventory line allows", List.of(path)));
                continue;
            }
            Optional<Catalogue.Item> item = catalogue.find(line.getSku());
            if (item.isEmpty()) {
                missing.add(line.getSku());
                continue;
            }
            items.add(goodsItem(line, item.get()));
            if (item.get().netWeightKg().isPresent()) {
                netWeight = netWeight.add(item.get().netWeightKg().get().multiply(line.getQuantity().getValue()));
            } else {
                netKnown = false;
            }
        }
        if (!problems.isEmpty()) {
            return new Rejected(problems);
        }
        if (!missing.isEmpty()) {
            return new Held("the catalogue has no " + (missing.size() == 1 ? "item " : "items ") + String.join(", ", missing)
                    + " (add with: catalogue import FILE)");
        }
        DeclarationType d = new DeclarationType();
        d.setHeader(header(order));
        TradeDirectionCodeType direction = new TradeDirectionCodeType();
        direction.setValue(TradeDirectionType.IMPORT);
        direction.setSourceCode("I");
        d.setTradeDirection(direction);
        d.setProcedure(code(declarant.tradeMode(), "CN-SUPERVISION-MODE"));
        d.setLocalReference(copNo(order.getHeader().getRecordId()));
        d.setOrderNumber(order.getOrderNumber());
        d.setTransportDocument(copy(waybill.getTransportDocument()));
        if (waybill.getMasterDocument() != null) {
            d.setMasterDocument(copy(waybill.getMasterDocument()));
        }
        d.setPaymentTransactionId(payment.getPaymentTransactionId());
        d.setDeclarationOffice(declarant.customsCode());
        d.setEntryOffice(declarant.portCode());
        d.setDeclarationDate(date(LocalDate.now(clock)));

        Optional<PartyType> buyer = Parties.role(order.getParty(), PartyRoleType.BUYER);
        Parties.role(order.getParty(), PartyRoleType.PLATFORM).ifPresent(p -> d.getParty().add(p));
        Parties.role(order.getParty(), PartyRoleType.SELLER).ifPresent(p -> d.getParty().add(p));
        Parties.role(waybill.getParty(), PartyRoleType.LOGISTICS_OPERATOR).ifPresent(p -> d.getParty().add(p));
        buyer.ifPresent(p -> d.getParty().add(p));
        d.getParty().add(organisation(PartyRoleType.DECLARANT, declarant.agentName(), declarant.agentCode()));
        d.getParty().add(organisation(PartyRoleType.GUARANTOR, null, guarantor(order, waybill)));
        if (declarant.areaCode().isPresent() || declarant.areaName().isPresent()) {
            d.getParty().add(organisation(PartyRoleType.WAREHOUSE_KEEPER, declarant.areaName().orElse(null), declarant.areaCode().orElse(null)));
        }
        Parties.addressLine(Parties.role(order.getParty(), PartyRoleType.CONSIGNEE)).ifPresent(line -> {
            AddressType a = new AddressType();
            a.getLine().add(line);
            d.setDeliveryAddress(a);
        });
        TransportType transport = new TransportType();
        transport.setMode(code(declarant.trafMode(), "CN-TRANSPORT-MODE"));
        declarant.trafNo().ifPresent(transport::setConveyanceName);
        declarant.voyageNo().ifPresent(transport::setConveyanceReference);
        CountryType departure = new CountryType();
        departure.setValue(declarant.departureCountry().orElse(items.get(0).getOriginCountry() == null ? "CN" : items.get(0).getOriginCountry().getValue()));
        transport.setDepartureCountry(departure);
        d.setTransport(transport);
        declarant.emsNo().ifPresent(ems -> {
            ReferenceType book = new ReferenceType();
            book.setType("ACCOUNT_BOOK");
            book.setValue(ems);
            d.getAdditionalDocument().add(book);
        });
        String currency = order.getGoodsValue().getCurrency();
        d.setFreight(waybill.getFreight() != null ? waybill.getFreight()
                : order.getFreight() != null ? order.getFreight() : Amounts.of(BigDecimal.ZERO, currency));
        d.setInsurance(waybill.getInsurance() != null ? waybill.getInsurance() : Amounts.of(BigDecimal.ZERO, currency));
        declarant.wrapType().ifPresent(w -> d.setPackagingType(code(w, "CN-WRAP-TYPE")));
        d.setPackageCount(waybill.getPackageCount() != null ? waybill.getPackageCount() : BigInteger.ONE);
        d.setGrossWeight(waybill.getGrossWeight());
        WeightType net = new WeightType();
        net.setValue(netKnown ? netWeight : waybill.getGrossWeight().getValue());
        d.setNetWeight(net);
        d.getGoodsItem().addAll(items);
        String buyerKey = Parties.personId(buyer).map(i -> i.getScheme() + ":" + i.getValue()).orElse("unknown");
        return new Assembled(d, buyerKey);
    }

    GoodsItemType goodsItem(OrderLineType line, Catalogue.Item item) {
        GoodsItemType g = new GoodsItemType();
        g.setSequence(line.getLineNumber());
        g.setSku(line.getSku());
        item.itemRecordNo().ifPresent(g::setRecordNumber);
        g.setTitle(line.getTitle());
        g.setDescription(item.gname());
        g.setModel(line.getModel() != null ? line.getModel() : line.getTitle());
        g.setBarcode(line.getBarcode());
        ClassificationType c = new ClassificationType();
        c.setScheme("CN-CUSTOMS10");
        c.setValue(item.gcode());
        g.getClassification().add(c);
        g.setQuantity(line.getQuantity());
        g.getLegalQuantity().add(quantity(line.getQuantity().getValue().multiply(item.qty1PerUnit()), item.unit1()));
        if (item.unit2().isPresent() && item.qty2PerUnit().isPresent()) {
            g.getLegalQuantity().add(quantity(line.getQuantity().getValue().multiply(item.qty2PerUnit().get()), item.unit2().get()));
        }
        g.setUnitPrice(line.getUnitPrice());
        g.setValue(line.getLineAmount());
        g.setOriginCountry(line.getOriginCountry());
        return g;
    }

    private QuantityType quantity(BigDecimal value, String customsUnit) {
        QuantityType q = new QuantityType();
        BigDecimal shortest = value.stripTrailingZeros();
        q.setValue(shortest.scale() < 0 ? shortest.setScale(0) : shortest);
        q.setUnitCode(codes.unece(customsUnit).orElseThrow(() -> new IllegalStateException(
                "catalogue unit " + customsUnit + " is not in mappings/codelists/unit.csv")));
        q.setSourceUnitCode(customsUnit);
        return q;
    }

    HeaderType header(OrderType order) {
        HeaderType h = new HeaderType();
        h.setRecordId(order.getHeader().getRecordId() + "/declaration");
        FunctionCodeType f = new FunctionCodeType();
        f.setValue(FunctionType.ORIGINAL);
        f.setSourceCode("1");
        h.setFunction(f);
        FilingStatusCodeType status = new FilingStatusCodeType();
        status.setValue(FilingStatusType.FILED);
        status.setSourceCode("2");
        h.setFilingStatus(status);
        // ISO_LOCAL_DATE_TIME always writes the seconds; LocalDateTime.toString() leaves them out on a
        // whole minute, which xs:dateTime refuses: every declaration decided at hh:mm:00 failed
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        h.setIssueDateTime(datatypes.newXMLGregorianCalendar(now.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        SourceType source = new SourceType();
        source.setPartner(order.getHeader().getSource().getPartner());
        source.setFormat("crosscheck");
        TransmissionType transmission = new TransmissionType();
        TransmissionPartyType sender = new TransmissionPartyType();
        sender.setCode(declarant.agentCode());
        sender.setName(declarant.agentName());
        sender.setMode("DXP");
        sender.setAddress(declarant.dxpId());
        transmission.setSender(sender);
        source.setTransmission(transmission);
        h.setSource(source);
        return h;
    }

    private String guarantor(OrderType order, ShipmentType waybill) {
        return switch (declarant.assure()) {
            case "platform" -> Parties.customsCode(order.getParty(), PartyRoleType.PLATFORM).orElse("");
            case "logistics" -> Parties.customsCode(waybill.getParty(), PartyRoleType.LOGISTICS_OPERATOR).orElse("");
            default -> Parties.customsCode(order.getParty(), PartyRoleType.SELLER).orElse("");
        };
    }

    static PartyType organisation(PartyRoleType role, String name, String code) {
        PartyType p = new PartyType();
        p.setRole(role);
        if (name != null) {
            p.setName(name);
        }
        if (code != null) {
            IdentifierType id = new IdentifierType();
            id.setScheme(org.wcoecom.adapter.canonical.IdentifierSchemes.current().customsCode());
            id.setValue(code);
            p.getIdentifier().add(id);
        }
        p.setTypeOfPerson(TypeOfPersonType.LEGAL);
        return p;
    }

    static CodeType code(String value, String scheme) {
        CodeType c = new CodeType();
        c.setValue(value);
        c.setScheme(scheme);
        return c;
    }

    static TransportDocumentType copy(TransportDocumentType t) {
        TransportDocumentType c = new TransportDocumentType();
        c.setValue(t.getValue());
        c.setType(t.getType());
        return c;
    }

    XMLGregorianCalendar date(LocalDate d) {
        return datatypes.newXMLGregorianCalendar(d.toString());
    }

    /** The enterprise's own inventory number (at most 20 characters), the same for the same order every time. */
    static String copNo(String recordId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(recordId.getBytes(StandardCharsets.UTF_8));
            String digits = new BigInteger(1, hash).toString(36).toUpperCase(Locale.ROOT);
            return "INV" + digits.substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
