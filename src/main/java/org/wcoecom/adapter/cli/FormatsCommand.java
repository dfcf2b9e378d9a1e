package org.wcoecom.adapter.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code formats}: the registered formats. */
@Command(name = "formats", description = "List the registered formats: id, root element, kind, directions.")
final class FormatsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        FormatRegistry registry = common.formats(common.settings(Map.of()), spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        String row = "%-10s %-58s %-16s %s%n";
        out.printf(row, "ID", "ROOT ELEMENT", "KIND", "DIRECTIONS");
        for (Format f : registry.all()) {
            var roots = f.definition().roots();
            for (int i = 0; i < roots.size(); i++) {
                out.printf(row, i == 0 ? f.id() : "", roots.get(i), i == 0 ? f.definition().kind() : "",
                        i == 0 ? f.definition().directions() : "");
            }
        }
        out.flush();
        return 0;
    }
}
