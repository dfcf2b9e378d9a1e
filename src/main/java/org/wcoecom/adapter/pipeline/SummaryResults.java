package org.wcoecom.adapter.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.sf.saxon.s9api.XdmNode;

import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.partner.Partner;
import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.receipt.PendingReceipt;
import org.wcoecom.adapter.receipt.Receipt;

/**
 * Customs' summary results (CEB792, on the customs inbound queue with its receipts) go to the
 * e-commerce enterprise each result is for: the partner whose sender codes hold its {@code ebcCode}
 * (SELLER_CODE), on its receipts queue. A message of one enterprise's results is relayed as customs
 * wrote it; one of several enterprises' is written again per enterprise, each seeing only its own.
 * A result for an enterprise that is no partner is not relayed (the message is kept aside as unmatched).
 */
public final class SummaryResults {

    public static final String KIND = "summary-result";

    private final Translator translator;
    private final PartnerDirectory partners;

    public SummaryResults(Translator translator, PartnerDirectory partners) {
        this.translator = translator;
        this.partners = partners;
    }

    /** The relays of a CEB792, and the results no partner is known for (described). */
    public record Relay(List<PendingReceipt> relayed, List<String> unmatched) {
    }

    public Relay relay(Format format, XdmNode message, byte[] original) throws TranslationException {
        List<Format.RecordRef> records = format.records(message);
        Map<String, List<Integer>> bySeller = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            String seller = records.get(i).references().getOrDefault("SELLER_CODE", "");
            bySeller.computeIfAbsent(seller, s -> new ArrayList<>()).add(i);
        }
        List<CanonicalDocument> documents = bySeller.size() > 1
                ? translator.toCanonical(format, message, Map.of("partner", "customs", "channel", "jms")) : List.of();
        List<PendingReceipt> relayed = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : bySeller.entrySet()) {
            Optional<Partner> enterprise = e.getKey().isBlank() ? Optional.empty() : partners.bySenderCode(e.getKey());
            String recordId = "customs:" + records.get(e.getValue().get(0)).key();
            if (enterprise.isEmpty()) {
                unmatched.add(format.id() + " " + recordId + " for enterprise " + e.getKey());
                continue;
            }
            byte[] xml = bySeller.size() == 1 ? original
                    : translator.fromCanonical(format, translator.batch(e.getValue().stream().map(i -> documents.get(i).tree()).toList()),
                    Map.of());
            relayed.add(new PendingReceipt(enterprise.get().id(), "jms", recordId,
                    new Receipt("ACCEPTED", format.id(), e.getValue().size(), xml)));
        }
        return new Relay(relayed, unmatched);
    }
}
