package org.wcoecom.adapter.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wcoecom.adapter.format.Format;
import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.format.MessageReader;
import org.wcoecom.adapter.format.ReadResult;
import org.wcoecom.adapter.format.TranslationException;
import org.wcoecom.adapter.format.Translator;
import org.wcoecom.adapter.runtime.SigningKeys;
import org.wcoecom.adapter.settings.Settings;
import org.wcoecom.adapter.xml.Saxon;
import org.wcoecom.adapter.xml.XmlError;
import org.wcoecom.adapter.xml.XmlSigner;

import net.sf.saxon.s9api.XdmNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code translate --to FORMAT FILE...}: detect and validate each input, translate it, validate
 * the output. To stdout, or with {@code -o DIR} one file per output.
 */
@Command(name = "translate", description = {
        "Translate messages to canonical or to a partner format, validating input and output.",
        "Canonical output is one document per business record (a c:Batch on stdout when there are several).",
        "Exit code 0: all translated; 1: invalid input or failed translation; 2: unreadable file or unknown format."})
final class TranslateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "canonical, or a partner format id (see 'formats').")
    String to;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write one file per output into DIR instead of stdout.")
    Path outputDir;

    @Option(names = "--partner", paramLabel = "ID", description = "The partner the messages come from (default: the message's sender code).")
    String partner;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Messages to translate.")
    List<String> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Settings settings = common.settings(Map.of());
        PrintWriter err = spec.commandLine().getErr();
        FormatRegistry registry = common.formats(settings, err);
        Format target = registry.byId(to).orElse(null);
        if (target == null) {
            err.println("ERROR unknown target format '" + to + "'; known: "
                    + String.join(", ", registry.all().stream().map(Format::id).toList()));
            err.flush();
            return 2;
        }
        if (!target.definition().writable() && !FormatRegistry.CANONICAL.equals(target.id())) {
            err.println("ERROR format " + target.id() + " cannot be produced (it has no from-canonical stylesheet)");
            err.flush();
            return 2;
        }
        MessageReader reader = new MessageReader(registry, ValidateCommand.MAX_ERRORS);
        Translator translator;
        if (target.definition().signed()) {
            // a signed format needs the declarant's key: found, or refused, before any file is read
            XmlSigner signer;
            try {
                signer = SigningKeys.forCommand(settings);
            } catch (IllegalStateException e) {
                err.println("ERROR " + target.id() + " messages are signed: " + e.getMessage());
                err.flush();
                return 2;
            }
            translator = new Translator(registry, ValidateCommand.MAX_ERRORS, () -> signer);
        } else {
            translator = new Translator(registry, ValidateCommand.MAX_ERRORS);
        }
        if (outputDir != null) {
            Files.createDirectories(outputDir);
        }
        int exit = 0;
        for (String file : files) {
            exit = Math.max(exit, translate(file, target, reader, translator, registry, err));
        }
        err.flush();
        return exit;
    }

    private int translate(String file, Format target, MessageReader reader, Translator translator,
                          FormatRegistry registry, PrintWriter err) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(file));
        } catch (IOException | InvalidPathException e) {
            err.println("ERROR " + file + " cannot be read: " + Reasons.of(e));
            return 2;
        }
        ReadResult read = reader.read(bytes);
        if (read.format().isEmpty()) {
            err.println("ERROR " + file + " " + read.fatal().map(XmlError::describe).orElse("unknown format"));
            return 2;
        }
        if (!read.valid()) {
            err.println("INVALID " + file + " (" + read.format().get().id() + ")");
            read.allErrors().forEach(e -> err.println(e.describe()));
            return 1;
        }
        Format source = read.format().get();
        if (!source.definition().readable() && !FormatRegistry.CANONICAL.equals(source.id())) {
            err.println("ERROR " + file + " format " + source.id() + " cannot be translated (it has no to-canonical stylesheet)");
            return 2;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("partner", partner);
        List<byte[]> outputs;
        try {
            outputs = translator.convert(source, read.document().get(), target, params);
            if (outputDir == null && outputs.size() > 1) {
                // stdout takes one document: several canonical records travel as a batch
                List<XdmNode> docs = outputs.stream().map(TranslateCommand::parse).toList();
                outputs = List.of(translator.writeValidated(translator.batch(docs), target.schema(),
                        Translator.CANONICAL_INVALID, target.id()));
            }
        } catch (TranslationException e) {
            err.println("FAILED " + file + " " + source.id() + " -> " + target.id() + ": errors in " + e.document());
            e.errors().forEach(x -> err.println(x.describe()));
            return 1;
        }
        write(file, target, outputs);
        return 0;
    }

    private void write(String file, Format target, List<byte[]> outputs) throws IOException {
        if (outputDir == null) {
            PrintWriter out = spec.commandLine().getOut();
            for (byte[] o : outputs) {
                out.print(new String(o, StandardCharsets.UTF_8));
            }
            out.flush();
            return;
        }
        String name = Path.of(file).getFileName().toString();
        String stem = name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name;
        for (int i = 0; i < outputs.size(); i++) {
            String suffix = outputs.size() == 1 ? "" : "-" + (i + 1);
            Path p = outputDir.resolve(stem + suffix + "." + target.id() + ".xml");
            Files.write(p, outputs.get(i));
            spec.commandLine().getOut().println(p);
        }
        spec.commandLine().getOut().flush();
    }

    private static XdmNode parse(byte[] xml) {
        try {
            return Saxon.documentBuilder().build(new javax.xml.transform.stream.StreamSource(
                    new java.io.ByteArrayInputStream(xml)));
        } catch (net.sf.saxon.s9api.SaxonApiException e) {
            throw new IllegalStateException("the adapter's own output does not parse: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }
}
