package org.wcoecom.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.xml.XmlError;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code validate FILE...}: one line per file, {@code OK <path> <format>} or {@code INVALID <path>}
 * followed by its errors as {@code line:col <element path> <message>}, or {@code ERROR <path> <reason>}
 * when the file cannot be read or its format is unknown. Exit 0 all valid, 1 some invalid, 2 some
 * unreadable or unknown.
 */
@Command(name = "validate", description = {
        "Detect each file's format from its root element and validate it against that format's schema.",
        "Prints OK <path> <format>, or INVALID <path> and every error as line:col <element path> <message>,",
        "or ERROR <path> <reason>. Exit code 0: all valid; 1: some invalid; 2: some unreadable or of unknown format."})
final class ValidateCommand implements Callable<Integer> {

    /** Errors listed per file: enough for any real message, bounded for hostile ones. */
    static final int MAX_ERRORS = 10_000;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Messages to validate.")
    List<String> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        FormatRegistry registry = common.formats(common.settings(Map.of()), spec.commandLine().getErr());
        MessageReader reader = new MessageReader(registry, MAX_ERRORS);
        PrintWriter out = spec.commandLine().getOut();
        int exit = 0;
        for (String file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(Path.of(file));
            } catch (IOException | InvalidPathException e) {
                out.println("ERROR " + file + " cannot be read: " + Reasons.of(e));
                exit = 2;
                continue;
            }
            ReadResult result = reader.read(bytes);
            if (result.format().isEmpty()) {
                out.println("ERROR " + file + " " + result.fatal().map(XmlError::describe).orElse("unknown format"));
                exit = 2;
            } else if (result.valid()) {
                out.println("OK " + file + " " + result.format().get().id());
            } else {
                out.println("INVALID " + file);
                result.allErrors().forEach(e -> out.println(e.describe()));
                if (result.droppedErrors() > 0) {
                    out.println("0:0 / " + result.droppedErrors() + " more errors not listed");
                }
                exit = Math.max(exit, 1);
            }
        }
        out.flush();
        return exit;
    }
}
