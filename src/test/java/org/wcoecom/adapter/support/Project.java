package org.wcoecom.adapter.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.wcoecom.adapter.format.FormatRegistry;

/** The project under test: its folders, its formats, and (when present) the shared reference material. */
public final class Project {

    private static FormatRegistry formats;

    private Project() {
    }

    /** The project root: Maven runs tests from the module folder. */
    public static Path root() {
        return Path.of("").toAbsolutePath();
    }

    public static synchronized FormatRegistry formats() {
        if (formats == null) {
            FormatRegistry loaded = FormatRegistry.load(root());
            // a folder left out would silently drop its format from every data-driven test
            if (!loaded.problems().isEmpty()) {
                throw new IllegalStateException("format folders of the project cannot be used: "
                        + loaded.problems().stream().map(FormatRegistry.Problem::describe).toList());
            }
            formats = loaded;
        }
        return formats;
    }

    /**
     * The official 202205 schema that decides a CEB format's messages: the export schema for the
     * formats the specification assigns to it (their {@code schema:} in format.yaml names
     * {@code ceb-export.xsd}), the import schema for the others. Compiled once per file.
     */
    public static synchronized javax.xml.validation.Schema officialCebSchema(String formatId) {
        String file = formats().byId(formatId).orElseThrow().definition().schema().getFileName().toString().contains("export")
                ? "ceb-export-202205.xsd" : "ceb-import-202205.xsd";
        return OFFICIAL.computeIfAbsent(file, f -> Xml.schema(reference().resolve("ceb/xsd-202205").resolve(f).toFile()));
    }

    private static final java.util.Map<String, javax.xml.validation.Schema> OFFICIAL = new java.util.HashMap<>();

    /**
     * The China customs formats the project registers (ceb311, ceb312, ...), sorted. The system
     * property {@code test.formats} (format ids, comma-separated) narrows the data-driven tests to
     * those formats, to check a new format without running every other one.
     */
    public static List<String> cebFormats() {
        List<String> only = List.of(System.getProperty("test.formats", "").split(",")).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return formats().all().stream().map(f -> f.id()).filter(id -> id.matches("ceb\\d+"))
                .filter(id -> only.isEmpty() || only.contains(id)).sorted().toList();
    }

    public static Path examples(String formatId) {
        return root().resolve("mappings").resolve(formatId).resolve("examples");
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Partner messages among a format's examples, written/ included (not the canonical golden files,
     * not the negative examples of invalid/).
     */
    public static List<Path> partnerExamples(String formatId) {
        if (!Files.isDirectory(examples(formatId))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(examples(formatId), 2)) {
            return files.filter(p -> p.toString().endsWith(".xml") && !p.toString().endsWith(".canonical.xml"))
                    .filter(p -> !examples(formatId).relativize(p).startsWith("invalid"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The shared reference material (official schemas and samples) beside the checkout. Tests that
     * need it skip when it is absent: the project builds and passes on a clone without it.
     */
    public static Path reference() {
        Path ref = root().resolve("../shared/reference").normalize();
        // a git worktree one folder further down (wt/<branch>) has the same material two levels up
        Path worktree = root().resolve("../../shared/reference").normalize();
        if (!Files.isDirectory(ref.resolve("ceb/xsd-202205")) && Files.isDirectory(worktree.resolve("ceb/xsd-202205"))) {
            ref = worktree;
        }
        assumeTrue(Files.isDirectory(ref.resolve("ceb/xsd-202205")), "../shared/reference is not present");
        return ref;
    }

    /**
     * The official samples of a format that are messages of it (one CEB622 sample has no
     * namespace: it is no CEB622 message for the official schema either).
     */
    public static List<Path> officialSamplesOf(String formatId) {
        return officialSamples(formatId.toUpperCase(java.util.Locale.ROOT)).stream().filter(p -> {
            var read = new org.wcoecom.adapter.format.MessageReader(formats(), 1).read(bytes(p));
            return read.format().map(f -> f.id().equals(formatId)).orElse(false);
        }).toList();
    }

    /** The official samples of the given message type, e.g. "CEB311". */
    public static List<Path> officialSamples(String type) {
        Path dir = reference().resolve("ceb/samples");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(type + "-")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
