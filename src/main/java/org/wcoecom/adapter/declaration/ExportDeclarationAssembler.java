package org.wcoecom.adapter.declaration;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wcoecom.adapter.canonical.Amounts;
import org.wcoecom.adapter.canonical.Parties;
import org.wcoecom.adapter.canonical.model.CountryType;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.GoodsItemType;
import org.wcoecom.adapter.canonical.model.OrderLineType;
import org.wcoecom.adapter.canonical.model.OrderType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
import org.wcoecom.adapter.canonical.model.PartyType;
import org.wcoecom.adapter.canonical.model.PaymentType;
import org.wcoecom.adapter.canonical.model.ShipmentType;
import org.wcoecom.adapter.canonical.model.TradeDirectionCodeType;
import org.wcoecom.adapter.canonical.model.TradeDirectionType;
import org.wcoecom.adapter.canonical.model.TransportType;
import org.wcoecom.adapter.canonical.model.WeightType;
import org.wcoecom.adapter.rules.RuleViolation;
import org.wcoecom.adapter.store.Catalogue;

/**
 * Builds the canonical export Declaration (the export inventory, CEB603) of an export order whose
 * receipt of payment and waybill agree with it: the head from the three documents, the declarant and
 * the export settings, the goods lines from the order lines and the catalogue (commodity code, legal
 * units), as the import side does.
 */
public final class ExportDeclarationAssembler {

    private final DeclarationAssembler common;
    private final DeclarantSettings declarant;
    private final ExportSettings export;
    private final ZoneId zone;

    public ExportDeclarationAssembler(DeclarationAssembler common, DeclarantSettings declarant, ExportSettings export, ZoneId zone) {
        this.common = common;
        this.declarant = declarant;
        this.export = export;
        this.zone = zone;
    }

    public DeclarationAssembler.Result assemble(OrderType order, PaymentType payment, ShipmentType waybill) {
        if (export.destinationCountry().isEmpty() || export.destinationPort().isEmpty()) {
            return new DeclarationAssembler.Held("the adapter has no destination for export inventories"
                    + " (set adapter.export.destination-country and adapter.export.destination-port)");
        }
        List<RuleViolation> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<GoodsItemType> items = new ArrayList<>();
        BigDecimal netWeight = BigDecimal.ZERO;
        boolean netKnown = true;
        CountryType destination = new CountryType();
        destination.setValue(export.destinationCountry().get());
        for (OrderLineType line : order.getLine()) {
            String path = "/Order/Line[" + line.getLineNumber() + "]/Sku";
            if (line.getSku() == null || line.getSku().isBlank() || line.getSku().length() > 20) {
                problems.add(new RuleViolation("DECL-ITEM-NUMBER", "line " + line.getLineNumber()
                        + " has no item number of at most 20 characters, so the catalogue cannot give its commodity code", List.of(path)));
                continue;
            }
            Optional<Catalogue.Item> item = common.catalogue.find(line.getSku());
            if (item.isEmpty()) {
                missing.add(line.getSku());
                continue;
            }
            GoodsItemType g = common.goodsItem(line, item.get());
            g.setOriginCountry(null);
            g.setDestinationCountry(destination);
            items.add(g);
            if (item.get().netWeightKg().isPresent()) {
                netWeight = netWeight.add(item.get().netWeightKg().get().multiply(line.getQuantity().getValue()));
            } else {
                netKnown = false;
            }
        }
        if (!problems.isEmpty()) {
            return new DeclarationAssembler.Rejected(problems);
        }
        if (!missing.isEmpty()) {
            return new DeclarationAssembler.Held("the catalogue has no " + (missing.size() == 1 ? "item " : "items ")
                    + String.join(", ", missing) + " (add with: catalogue import FILE)");
        }
        DeclarationType d = new DeclarationType();
        d.setHeader(common.header(order));
        TradeDirectionCodeType direction = new TradeDirectionCodeType();
        direction.setValue(TradeDirectionType.EXPORT);
        direction.setSourceCode("E");
        d.setTradeDirection(direction);
        d.setProcedure(DeclarationAssembler.code(export.tradeMode(), "CN-SUPERVISION-MODE"));
        d.setDeclarationType(DeclarationAssembler.code(export.statisticsFlag(), "CN-STATISTICS-FLAG"));
        d.setLocalReference(DeclarationAssembler.copNo(order.getHeader().getRecordId()));
        d.setOrderNumber(order.getOrderNumber());
        d.setTransportDocument(DeclarationAssembler.copy(waybill.getTransportDocument()));
        d.setDeclarationOffice(declarant.customsCode());
        d.setExitOffice(export.exitPort());

        Parties.role(order.getParty(), PartyRoleType.PLATFORM).ifPresent(p -> d.getParty().add(p));
        Optional<PartyType> seller = Parties.role(order.getParty(), PartyRoleType.SELLER);
        seller.ifPresent(p -> d.getParty().add(p));
        Parties.role(waybill.getParty(), PartyRoleType.LOGISTICS_OPERATOR).ifPresent(p -> d.getParty().add(p));
        d.getParty().add(DeclarationAssembler.organisation(PartyRoleType.DECLARANT, declarant.agentName(), declarant.agentCode()));
        // the producer or seller of the goods (ownerCode): the e-commerce enterprise, as far as the documents say
        seller.ifPresent(s -> {
            PartyType producer = DeclarationAssembler.organisation(PartyRoleType.PRODUCER, s.getName(),
                    Parties.customsCode(order.getParty(), PartyRoleType.SELLER).orElse(null));
            d.getParty().add(producer);
        });
        TransportType transport = new TransportType();
        transport.setMode(DeclarationAssembler.code(declarant.trafMode(), "CN-TRANSPORT-MODE"));
        declarant.trafNo().ifPresent(transport::setConveyanceName);
        declarant.voyageNo().ifPresent(transport::setConveyanceReference);
        transport.setDestinationCountry(destination);
        transport.setDestinationPort(DeclarationAssembler.code(export.destinationPort().get(), "CN-PORT"));
        transport.setDepartureDate(common.date(LocalDate.now(zone)));
        d.setTransport(transport);
        String currency = order.getGoodsValue().getCurrency();
        d.setFreight(waybill.getFreight() != null ? waybill.getFreight()
                : order.getFreight() != null ? order.getFreight() : Amounts.of(BigDecimal.ZERO, currency));
        d.setInsurance(waybill.getInsurance() != null ? waybill.getInsurance() : Amounts.of(BigDecimal.ZERO, currency));
        d.setPackagingType(DeclarationAssembler.code(export.wrapType(), "CN-WRAP-TYPE"));
        d.setPackageCount(waybill.getPackageCount() != null ? waybill.getPackageCount() : BigInteger.ONE);
        d.setGrossWeight(waybill.getGrossWeight());
        WeightType net = new WeightType();
        net.setValue(netKnown ? netWeight : waybill.getGrossWeight().getValue());
        d.setNetWeight(net);
        d.getGoodsItem().addAll(items);
        return new DeclarationAssembler.Assembled(d, null);
    }
}
