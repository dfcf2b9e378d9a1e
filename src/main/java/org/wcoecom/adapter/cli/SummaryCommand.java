package org.wcoecom.adapter.cli;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wcoecom.adapter.declaration.DeclarantSettings;
import org.wcoecom.adapter.declaration.MonthlySummary;
import org.wcoecom.adapter.declaration.SummaryAssembler;
import org.wcoecom.adapter.runtime.Databases;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.store.Database;
import org.wcoecom.adapter.store.ExportParcels;
import org.wcoecom.adapter.store.Summaries;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code summary --period YYYY-MM}: the monthly summary of retail exports, the same assembly the schedule runs. */
@Command(name = "summary", description = {"Assemble the monthly summary (CEB701 per e-commerce enterprise) of the export",
        "inventories customs released in a month, and print its groups (consignee country, HS heading, currency)",
        "with their totals. A summary assembled before is printed, not made again; the running adapter sends",
        "the new ones to customs (every adapter.summary.interval)."})
final class SummaryCommand implements Callable<Integer> {

    @Mixin
    AdapterTarget target;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The month summarised (e.g. 2026-11).")
    String period;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        YearMonth month;
        try {
            month = YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            err.println("--period must be a month, YYYY-MM (e.g. 2026-11), not " + period);
            err.flush();
            return 2;
        }
        Settings settings = target.settings();
        ZoneId zone = ZoneId.of(settings.get("adapter.summary.zone"));
        if (!month.isBefore(YearMonth.now(zone))) {
            // each enterprise's summary of a month is made once: what is released after this run is left out of it
            err.println("warning: " + month + " is not over: inventories released later in it will not be summarised");
            err.flush();
        }
        List<MonthlySummary.Outcome> outcomes;
        // the embedded database is a file both the running adapter and this command may open
        try (Database db = Databases.open(settings)) {
            MonthlySummary summary = new MonthlySummary(new ExportParcels(db.dataSource()), new Summaries(db.dataSource()),
                    new SummaryAssembler(DeclarantSettings.from(settings), settings.receiptZone()), zone);
            outcomes = summary.assemble(month);
        }
        if (outcomes.isEmpty()) {
            out.println("summary " + month + ": no export inventory released in the period");
            out.flush();
            return 0;
        }
        for (MonthlySummary.Outcome o : outcomes) {
            SummaryAssembler.Summary s = o.summary();
            out.printf("summary %s of %s: %d inventories, %s%n", month, s.seller(), s.inventoryNumbers().size(),
                    o.added() ? "assembled (" + s.recordId() + ", to be sent as a CEB701)" : "assembled before, not again");
            out.printf("  %-8s %-8s %-8s %11s %6s %14s %16s%n", "country", "heading", "currency", "inventories", "lines", "quantity",
                    "value");
            for (Map.Entry<SummaryAssembler.Group, SummaryAssembler.Totals> g : s.groups().entrySet()) {
                out.printf("  %-8s %-8s %-8s %11d %6d %14s %16s%n", g.getKey().country(), g.getKey().heading(), g.getKey().currency(),
                        g.getValue().inventories(), g.getValue().lines(), g.getValue().quantity().stripTrailingZeros().toPlainString(),
                        g.getValue().value().stripTrailingZeros().toPlainString());
            }
        }
        out.flush();
        return 0;
    }
}
