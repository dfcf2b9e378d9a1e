package org.wcoecom.adapter.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.declaration.MonthlySummary;
import org.wcoecom.adapter.format.CanonicalDocument;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.message.Headers;
import org.wcoecom.adapter.store.Summaries;

/**
 * Camel steps of the summary route (routes/summary.camel.yaml): on and after the configured day of
 * the month, the month before is summarised (once: {@link MonthlySummary}); every summary not yet sent,
 * whoever assembled it (the schedule or the {@code summary} command), is published on its kind's address
 * for egress to write as a signed CEB701 for customs, then marked sent.
 */
public final class SummarySchedule {

    private final MonthlySummary summary;
    private final Summaries summaries;
    private final Routing.Route route;
    private final Translator translator;
    private final boolean enabled;
    private final int dayOfMonth;

    public SummarySchedule(MonthlySummary summary, Summaries summaries, Routing.Route route, Translator translator, boolean enabled,
                           int dayOfMonth) {
        if (dayOfMonth < 1 || dayOfMonth > 28) {
            throw new IllegalArgumentException("adapter.summary.day-of-month must be from 1 to 28, not " + dayOfMonth);
        }
        this.summary = summary;
        this.summaries = summaries;
        this.route = route;
        this.translator = translator;
        this.enabled = enabled;
        this.dayOfMonth = dayOfMonth;
    }

    /** Step: the summaries to send, the month before summarised first when it is due. */
    public List<CanonicalBatch> due(Exchange exchange) {
        LocalDate today = LocalDate.now(summary.zone());
        // once a summary of the month before exists its releases were all summarised (a release is dated when
        // customs' receipt comes): the schedule does not read the month again every interval
        if (enabled && today.getDayOfMonth() >= dayOfMonth && !summaries.anyOf(MonthlySummary.dueOn(today).toString())) {
            summary.assemble(MonthlySummary.dueOn(today));
        }
        List<CanonicalBatch> batches = new ArrayList<>();
        for (Summaries.Row row : summaries.pending()) {
            var tree = Canonical.toTree(Canonical.element(Canonical.read(row.content())));
            // written again, not indented as stored: the batch is joined from its documents' bytes
            CanonicalDocument doc = new CanonicalDocument(row.recordId(), "SummaryDeclaration", tree, translator.writeCompact(tree));
            // the delivery is the record: publishing it again yields the same batch id, which the broker drops
            batches.add(CanonicalBatch.of(route, List.of(doc), "summary", "schedule", row.recordId(), "summary",
                    Instant.now()));
        }
        return batches;
    }

    /** Step, after the broker took it: the summary is sent. */
    public void sent(Exchange exchange) {
        summaries.sent(exchange.getMessage().getHeader(Headers.RECORD_ID, String.class));
    }
}
