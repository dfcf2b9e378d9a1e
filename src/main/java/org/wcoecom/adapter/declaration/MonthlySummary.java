package org.wcoecom.adapter.declaration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wcoecom.adapter.canonical.Canonical;
import org.wcoecom.adapter.canonical.model.DeclarationType;
import org.wcoecom.adapter.store.ExportParcels;
import org.wcoecom.adapter.store.Summaries;

/**
 * Assembles a period's summaries once: the export inventories customs released in the month (in the
 * summary's time zone), one summary per e-commerce enterprise ({@link SummaryAssembler}), each kept as
 * a row of its period and enterprise that is sent to customs as a CEB701. An enterprise whose summary
 * of the period exists already is left alone: the same assembly run again, by the command or the
 * schedule, on this node or another, sends nothing twice.
 */
public final class MonthlySummary {

    private static final Logger LOG = LoggerFactory.getLogger(MonthlySummary.class);

    private final ExportParcels parcels;
    private final Summaries summaries;
    private final SummaryAssembler assembler;
    private final ZoneId zone;

    public MonthlySummary(ExportParcels parcels, Summaries summaries, SummaryAssembler assembler, ZoneId zone) {
        this.parcels = parcels;
        this.summaries = summaries;
        this.assembler = assembler;
        this.zone = zone;
    }

    /** A period's summary of one enterprise, and whether this run made it (false: it was made before). */
    public record Outcome(SummaryAssembler.Summary summary, boolean added) {
    }

    /** The period whose summary is due on the given day: the month before it. */
    public static YearMonth dueOn(LocalDate day) {
        return YearMonth.from(day).minusMonths(1);
    }

    public ZoneId zone() {
        return zone;
    }

    /** Assembles the period's summaries; those of enterprises summarised before are reported but not kept again. */
    public List<Outcome> assemble(YearMonth period) {
        Instant from = period.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = period.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        List<SummaryAssembler.Released> released = new ArrayList<>();
        for (ExportParcels.Released r : parcels.releasedBetween(from, to)) {
            if (r.inventoryNumber().isEmpty()) {
                LOG.warn("export inventory {}/{} released in {} without customs' number: not summarised", r.declarant(),
                        r.localReference(), period);
                continue;
            }
            released.add(new SummaryAssembler.Released(r.inventoryNumber().get(), (DeclarationType) Canonical.read(r.declaration())));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (SummaryAssembler.Summary s : assembler.assemble(period, released)) {
            boolean added = !summaries.assembled(period.toString(), s.seller())
                    && summaries.add(new Summaries.Row(period.toString(), s.seller(), s.recordId(), s.inventoryNumbers().size(),
                    Canonical.write(Canonical.element(s.request())), Summaries.PENDING));
            if (added) {
                LOG.info("summary {} of {}: {} inventories in {} groups", period, s.seller(), s.inventoryNumbers().size(), s.groups().size());
            }
            outcomes.add(new Outcome(s, added));
        }
        return outcomes;
    }
}
