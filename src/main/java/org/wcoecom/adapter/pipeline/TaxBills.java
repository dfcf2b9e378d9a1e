package org.wcoecom.adapter.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.sf.saxon.s9api.XdmNode;

import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.receipt.PendingReceipt;
import org.wcoecom.adapter.receipt.Receipt;
import org.wcoecom.adapter.store.Inventories;
import org.wcoecom.adapter.store.RecordSenders;

/**
 * Customs' electronic tax bills (CEB816) and their status changes (CEB818), on the customs inbound
 * queue with its receipts, go to the parties each bill names and to no one else: the partners whose
 * sender codes hold the bill's e-commerce enterprise ({@code ebcCode}), declaring agent
 * ({@code agentCode}) or guarantor ({@code assureCode}), and whoever got an earlier message of the same
 * bill ({@code taxNo}: a CEB818 names only the guarantor). A bill whose codes name no partner goes to
 * the sender of the inventory it taxes ({@code invtNo}), when the adapter declared it (for an inventory
 * the adapter assembled: the platform that sent the order). Each partner gets the bills for it on its
 * receipts channel, as customs wrote them when the message is all its own, else written again with its
 * bills alone. A bill nobody can be found for is not relayed (the message is kept aside as unmatched).
 */
public final class TaxBills {

    /** The kinds of the formats relayed so (mappings/canonical/kinds.yaml). */
    public static final Set<String> KINDS = Set.of("tax-bill", "tax-bill-status");
    /** The references of a bill that name a party, by customs code (format.yaml of CEB816, CEB818). */
    private static final List<String> PARTIES = List.of("SELLER_CODE", "DECLARANT_CODE", "GUARANTOR_CODE");
    /** Under this format the partners a bill was relayed to are registered, by TAX_BILL_NUMBER. */
    static final String RELAYED_AS = "tax-bill";
    /** The formats of the inventories the adapter declares: a bill names one by customs' number. */
    private static final Set<String> INVENTORY_FORMATS = Set.of("ceb621", "ceb603");

    private final Translator translator;
    private final PartnerDirectory partners;
    private final RecordSenders senders;
    private final Inventories inventories;

    public TaxBills(Translator translator, PartnerDirectory partners, RecordSenders senders, Inventories inventories) {
        this.translator = translator;
        this.partners = partners;
        this.senders = senders;
        this.inventories = inventories;
    }

    /** The relays of a tax bill message, and the bills no partner is known for (described). */
    public record Relay(List<PendingReceipt> relayed, List<String> unmatched) {
    }

    public Relay relay(Format format, XdmNode message, byte[] original) throws TranslationException {
        List<Format.RecordRef> records = format.records(message);
        // partner -> its channel and the bills (record indexes) for it, in the message's order
        Map<String, String> channels = new LinkedHashMap<>();
        Map<String, List<Integer>> byPartner = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        List<RecordSenders.Registration> registrations = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> refs = records.get(i).references();
            String recordId = "customs:" + records.get(i).key();
            Map<String, String> recipients = recipients(refs);
            if (recipients.isEmpty()) {
                unmatched.add(format.id() + " " + recordId + " (inventory " + refs.getOrDefault("INVENTORY_NUMBER", "?") + ")");
                continue;
            }
            for (Map.Entry<String, String> r : recipients.entrySet()) {
                channels.putIfAbsent(r.getKey(), r.getValue());
                byPartner.computeIfAbsent(r.getKey(), p -> new ArrayList<>()).add(i);
                Optional.ofNullable(refs.get("TAX_BILL_NUMBER")).filter(n -> !n.isBlank()).ifPresent(n -> registrations.add(
                        new RecordSenders.Registration(new RecordSenders.Sender(RELAYED_AS, recordId, r.getKey(), r.getValue()),
                                Map.of("TAX_BILL_NUMBER", n))));
            }
        }
        // who got which bill: the bill's later status changes go to them too
        senders.registerAll(registrations);
        List<CanonicalDocument> documents = byPartner.values().stream().allMatch(l -> l.size() == records.size())
                ? List.of() : translator.toCanonical(format, message, Map.of("partner", "customs", "channel", "jms"));
        List<PendingReceipt> relayed = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byPartner.entrySet()) {
            List<Integer> mine = e.getValue();
            byte[] xml = mine.size() == records.size() ? original
                    : translator.fromCanonical(format, translator.batch(mine.stream().map(i -> documents.get(i).tree()).toList()),
                    Map.of());
            relayed.add(new PendingReceipt(e.getKey(), channels.get(e.getKey()), "customs:" + records.get(mine.get(0)).key(),
                    new Receipt("ACCEPTED", format.id(), mine.size(), xml)));
        }
        return new Relay(relayed, unmatched);
    }

    /** The partners a bill is for, each with the channel to reach it on. */
    private Map<String, String> recipients(Map<String, String> refs) {
        Map<String, String> recipients = new LinkedHashMap<>();
        for (String party : PARTIES) {
            Optional.ofNullable(refs.get(party)).filter(code -> !code.isBlank()).flatMap(partners::bySenderCode)
                    .map(Partner::id).ifPresent(id -> recipients.putIfAbsent(id, "jms"));
        }
        Optional<String> taxNo = Optional.ofNullable(refs.get("TAX_BILL_NUMBER")).filter(n -> !n.isBlank());
        taxNo.ifPresent(n -> senders.all(RELAYED_AS, "TAX_BILL_NUMBER", n).stream()
                .filter(s -> partners.byId(s.partner()).isPresent())
                .forEach(s -> recipients.putIfAbsent(s.partner(), s.channel())));
        if (recipients.isEmpty()) {
            inventorySender(refs).ifPresent(s -> recipients.put(s.partner(), s.channel()));
        }
        return recipients;
    }

    /** The sender of the inventory the bill taxes, when the adapter declared it and knows customs' number for it. */
    private Optional<RecordSenders.Sender> inventorySender(Map<String, String> refs) {
        String number = refs.get("INVENTORY_NUMBER");
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        Optional<String> agent = Optional.ofNullable(refs.get("DECLARANT_CODE")).filter(a -> !a.isBlank());
        Optional<Inventories.Inventory> inventory = agent.isPresent() ? inventories.byCustomsNumber(agent.get(), number)
                : inventories.byCustomsNumber(number);
        return inventory.flatMap(inv -> {
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("LOCAL_REFERENCE", inv.localReference());
            keys.put("DECLARANT_CODE", inv.declarant());
            return senders.findAny(INVENTORY_FORMATS, keys);
        }).filter(s -> partners.byId(s.partner()).isPresent());
    }
}
