package org.wcoecom.adapter.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code corpus}: benchmark input, the same for the same seed. N messages of a mix as
 * {@code <mix>-<index>.xml}, or one batch file of a given size, streamed.
 */
@Command(name = "corpus", description = {
        "Generate CEB311 import e-orders of demo-platform for a throughput benchmark; the same seed gives the same bytes.",
        "Writes N messages of a mix as DIR/<mix>-<index>.xml, or with --batch-bytes one batch message of about SIZE bytes to FILE.",
        "A batch over about 255 KB holds more than the 100 orders one CEB311 message may hold."})
final class CorpusCommand implements Callable<Integer> {

    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmg]?)");

    @Option(names = "--mix", paramLabel = "MIX", defaultValue = "typical",
            description = "small (1 order, ~3 KB), typical (6 orders, ~17 KB) or large (100 orders, ~250 KB); default ${DEFAULT-VALUE}.")
    String mix;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "How many messages; default ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The seed; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--batch-bytes", paramLabel = "SIZE",
            description = "Write one batch message of about SIZE bytes instead; suffix k, m or g for KiB, MiB, GiB (e.g. 200m).")
    String batchBytes;

    @Option(names = "--batch-id", paramLabel = "ID", defaultValue = "01",
            description = "Part of the batch's order numbers: give batches of one seed different ids; default ${DEFAULT-VALUE}.")
    String batchId;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR|FILE",
            description = "The folder for messages (default: the working directory), the file for a batch (required).")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return batchBytes == null ? messages() : batch();
    }

    private int messages() throws IOException {
        Mix m = mix();
        if (count < 1) {
            throw usage("--count must be at least 1");
        }
        Path dir = output == null ? Path.of("") : output;
        Files.createDirectories(dir.toAbsolutePath());
        CorpusGenerator generator = new CorpusGenerator(seed);
        long bytes = 0;
        long orders = 0;
        for (int i = 0; i < count; i++) {
            CorpusGenerator.GeneratedMessage message = generator.message(m, i);
            Files.write(dir.resolve(m.label() + "-" + i + ".xml"), message.xml());
            bytes += message.xml().length;
            orders += message.orderNos().size();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %d %s message%s to %s (%s-0.xml .. %s-%d.xml): %d bytes, %d orders%n", count, m.label(),
                count == 1 ? "" : "s", dir.toAbsolutePath().normalize(), m.label(), m.label(), count - 1, bytes, orders);
        out.flush();
        return 0;
    }

    private int batch() throws IOException {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--mix") || parsed.hasMatchedOption("--count")) {
            throw usage("--batch-bytes writes one batch: --mix and --count do not apply");
        }
        if (output == null) {
            throw usage("--batch-bytes needs -o FILE");
        }
        long target = size(batchBytes);
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long orders;
        try (OutputStream file = Files.newOutputStream(output)) {
            orders = new CorpusGenerator(seed).writeBatch(file, target, batchId);
        } catch (IllegalArgumentException e) {
            // a bad batch id is refused before anything is written: leave no empty file behind
            Files.deleteIfExists(output);
            throw usage(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %s: %d bytes, %d orders (batch %s, seed %d)%n", output.toAbsolutePath().normalize(),
                Files.size(output), orders, batchId, seed);
        out.flush();
        return 0;
    }

    private Mix mix() {
        try {
            return Mix.parse(mix);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** 200m is 200 MiB: sizes in binary units, as the JVM's memory options count them. */
    private long size(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw usage("--batch-bytes '" + text + "' is not a size: digits with an optional k, m or g (e.g. 200m)");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        try {
            long n = Long.parseLong(m.group(1));
            if (n > Long.MAX_VALUE >> shift) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw usage("--batch-bytes '" + text + "' is too large");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
