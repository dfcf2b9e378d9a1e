package org.wcoecom.adapter.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wcoecom.adapter.runtime.Databases;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.store.Catalogue;
import org.wcoecom.adapter.store.Database;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code catalogue import FILE}: adds or replaces product catalogue items, also while the adapter runs. */
@Command(name = "catalogue", description = "Manage the product catalogue (commodity codes, customs names, legal units per item).",
        subcommands = {CatalogueCommand.Import.class})
final class CatalogueCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", description = {"Add or replace the items of a CSV file (UTF-8, header " + Catalogue.HEADER + ").",
            "The whole file is checked first: one bad line and nothing changes. Held declarations waiting for",
            "these items are retried by the running adapter."})
    static final class Import implements Callable<Integer> {

        @Mixin
        AdapterTarget target;

        @Parameters(paramLabel = "FILE", description = "The catalogue CSV file.")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Settings settings = target.settings();
            try (Database db = Databases.open(settings)) {
                Catalogue catalogue = new Catalogue(db.dataSource());
                int n = catalogue.importCsv(file);
                spec.commandLine().getOut().println("imported " + n + " items from " + file + "; the catalogue holds " + catalogue.size());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
