package org.wcoecom.adapter.declaration;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.wcoecom.adapter.canonical.Parties;
import org.wcoecom.adapter.canonical.model.ClassificationType;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.canonical.model.FilingStatusCodeType;
import org.wcoecom.adapter.canonical.model.FilingStatusType;
import org.wcoecom.adapter.canonical.model.FunctionCodeType;
import org.wcoecom.adapter.canonical.model.FunctionType;
import org.wcoecom.adapter.canonical.model.GoodsItemType;
import org.wcoecom.adapter.canonical.model.HeaderType;
import org.wcoecom.adapter.canonical.model.ListPartType;
import org.wcoecom.adapter.canonical.model.PartyRoleType;
import org.wcoecom.adapter.canonical.model.PeriodType;
import org.wcoecom.adapter.canonical.model.RefersToType;
import org.wcoecom.adapter.canonical.model.ReferenceType;
import org.wcoecom.adapter.canonical.model.SourceType;
import org.wcoecom.adapter.canonical.model.SummaryDeclarationType;
import org.wcoecom.adapter.canonical.model.TradeDirectionCodeType;
import org.wcoecom.adapter.canonical.model.TradeDirectionType;
import org.wcoecom.adapter.canonical.model.TransmissionPartyType;
import org.wcoecom.adapter.canonical.model.TransmissionType;

/**
 * The monthly summary of retail exports (9610 statisticsFlag B and the inventories summarised after
 * release): the export inventories customs released in a month, per e-commerce enterprise (the
 * consignor, ebcCode), become one summary declaration request (CEB701) naming them by customs' number;
 * within it their goods lines are grouped as the declarations customs makes of them are: same consignee
 * (destination) country, same HS heading (the commodity code's first 4 digits) and same currency, each
 * group with its number of inventories and lines, its quantity and its value. The groups' totals are
 * written in the request's note (what the enterprise expects customs' CEB792 to show).
 */
public final class SummaryAssembler {

    /** A summary line: the consignor, the destination country, the HS heading and the currency. */
    public record Group(String seller, String country, String heading, String currency) {
    }

    /** What a group adds up to. */
    public record Totals(int inventories, int lines, BigDecimal quantity, BigDecimal value) {
    }

    /** A released export inventory: customs' number for it and the declaration as the adapter declared it. */
    public record Released(String inventoryNumber, DeclarationType declaration) {
    }

    /** One enterprise's summary of a period: its request and its groups. */
    public record Summary(String seller, String recordId, List<String> inventoryNumbers, Map<Group, Totals> groups,
                          SummaryDeclarationType request) {
    }

    private static final int MAX_NOTE = 1000;

    private final DeclarantSettings declarant;
    private final ZoneId zone;
    private final DatatypeFactory datatypes;

    public SummaryAssembler(DeclarantSettings declarant, ZoneId zone) {
        this.declarant = declarant;
        this.zone = zone;
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record id of an enterprise's summary of a period (the same every time: never twice). */
    public static String recordId(YearMonth period, String seller) {
        return "summary:" + period + "/" + seller;
    }

    /** The summaries of the inventories released in the period, one per e-commerce enterprise, in the order of their codes. */
    public List<Summary> assemble(YearMonth period, List<Released> released) {
        Map<String, List<Released>> bySeller = new TreeMap<>();
        for (Released r : released) {
            String seller = Parties.customsCode(r.declaration().getParty(), PartyRoleType.SELLER).orElse("");
            if (!seller.isEmpty() && r.inventoryNumber() != null && !r.inventoryNumber().isBlank()) {
                bySeller.computeIfAbsent(seller, s -> new ArrayList<>()).add(r);
            }
        }
        List<Summary> summaries = new ArrayList<>();
        for (Map.Entry<String, List<Released>> e : bySeller.entrySet()) {
            summaries.add(summary(period, e.getKey(), e.getValue()));
        }
        return summaries;
    }

    private Summary summary(YearMonth period, String seller, List<Released> inventories) {
        Map<Group, Totals> groups = new TreeMap<>(Comparator.comparing(Group::country).thenComparing(Group::heading)
                .thenComparing(Group::currency));
        Map<Group, Set<String>> inventoriesOf = new TreeMap<>(Comparator.comparing(Group::country).thenComparing(Group::heading)
                .thenComparing(Group::currency));
        List<String> numbers = new ArrayList<>();
        for (Released r : inventories) {
            numbers.add(r.inventoryNumber());
            DeclarationType d = r.declaration();
            String headCountry = d.getTransport() == null || d.getTransport().getDestinationCountry() == null ? ""
                    : d.getTransport().getDestinationCountry().getValue();
            for (GoodsItemType line : d.getGoodsItem()) {
                String country = line.getDestinationCountry() != null ? line.getDestinationCountry().getValue() : headCountry;
                String code = line.getClassification().stream().map(ClassificationType::getValue).findFirst().orElse("");
                String heading = code.length() >= 4 ? code.substring(0, 4) : code;
                String currency = line.getValue() == null ? "" : line.getValue().getCurrency();
                Group g = new Group(seller, country, heading, currency);
                BigDecimal quantity = line.getQuantity() == null ? BigDecimal.ZERO : line.getQuantity().getValue();
                BigDecimal value = line.getValue() == null ? BigDecimal.ZERO : line.getValue().getValue();
                Totals t = groups.getOrDefault(g, new Totals(0, 0, BigDecimal.ZERO, BigDecimal.ZERO));
                inventoriesOf.computeIfAbsent(g, x -> new LinkedHashSet<>()).add(r.inventoryNumber());
                groups.put(g, new Totals(inventoriesOf.get(g).size(), t.lines() + 1, t.quantity().add(quantity), t.value().add(value)));
            }
        }
        String recordId = recordId(period, seller);
        String sellerName = inventories.stream().map(r -> Parties.name(Parties.role(r.declaration().getParty(), PartyRoleType.SELLER)))
                .flatMap(java.util.Optional::stream).findFirst().orElse(seller);
        return new Summary(seller, recordId, numbers, groups, request(period, seller, sellerName, recordId, numbers, groups));
    }

    private SummaryDeclarationType request(YearMonth period, String seller, String sellerName, String recordId, List<String> numbers,
                                           Map<Group, Totals> groups) {
        SummaryDeclarationType s = new SummaryDeclarationType();
        s.setHeader(header(recordId));
        TradeDirectionCodeType direction = new TradeDirectionCodeType();
        direction.setValue(TradeDirectionType.EXPORT);
        s.setTradeDirection(direction);
        // the enterprise's number of the request: HZ, the month and the consignor (at most 27 of copNo's 30)
        s.setLocalReference("HZ" + period.toString().replace("-", "") + "-" + seller);
        s.setDeclarationOffice(declarant.customsCode());
        s.getParty().add(DeclarationAssembler.organisation(PartyRoleType.DECLARANT, declarant.agentName(), declarant.agentCode()));
        s.getParty().add(DeclarationAssembler.organisation(PartyRoleType.SELLER, sellerName, seller));
        s.getParty().add(DeclarationAssembler.organisation(PartyRoleType.REPRESENTATIVE, declarant.agentName(), declarant.agentCode()));
        PeriodType p = new PeriodType();
        p.setStart(datatypes.newXMLGregorianCalendar(period.atDay(1).atStartOfDay().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        p.setEnd(datatypes.newXMLGregorianCalendar(period.atEndOfMonth().atTime(23, 59, 59).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        s.setPeriod(p);
        // summaryFlag 1: grouped by consignor (the request is one enterprise's)
        s.getGrouping().add(DeclarationAssembler.code("1", "CN-SUMMARY-FLAG"));
        ListPartType part = new ListPartType();
        part.setNumber(BigInteger.ONE);
        part.setCount(BigInteger.ONE);
        s.setPart(part);
        for (String n : numbers) {
            RefersToType refers = new RefersToType();
            ReferenceType ref = new ReferenceType();
            ref.setType("INVENTORY_NUMBER");
            ref.setValue(n);
            refers.getReference().add(ref);
            s.getDeclarationReference().add(refers);
        }
        s.setNote(note(groups));
        return s;
    }

    /** The groups' totals, {@code country heading currency: inventories/lines, quantity, value; ...}, cut to CEB701's note. */
    static String note(Map<Group, Totals> groups) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Group, Totals> e : groups.entrySet()) {
            Group g = e.getKey();
            Totals t = e.getValue();
            parts.add(String.format(Locale.ROOT, "%s %s %s: %d/%d, qty %s, value %s", g.country(), g.heading(), g.currency(),
                    t.inventories(), t.lines(), t.quantity().stripTrailingZeros().toPlainString(),
                    t.value().stripTrailingZeros().toPlainString()));
        }
        String note = String.join("; ", parts);
        return note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 1) + "…";
    }

    private HeaderType header(String recordId) {
        HeaderType h = new HeaderType();
        h.setRecordId(recordId);
        FunctionCodeType f = new FunctionCodeType();
        f.setValue(FunctionType.ORIGINAL);
        f.setSourceCode("1");
        h.setFunction(f);
        FilingStatusCodeType status = new FilingStatusCodeType();
        status.setValue(FilingStatusType.FILED);
        status.setSourceCode("2");
        h.setFilingStatus(status);
        h.setIssueDateTime(datatypes.newXMLGregorianCalendar(LocalDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        SourceType source = new SourceType();
        source.setPartner("summary");
        source.setFormat("summary");
        // the same message id for the same summary: customs and the broker tell a second sending apart
        source.setMessageId(UUID.nameUUIDFromBytes(recordId.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(Locale.ROOT));
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
}
