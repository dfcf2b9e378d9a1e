package org.wcoecom.adapter.tooling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.wcoecom.adapter.xml.XmlError;

/**
 * What the adapter must answer a negative example with: {@code examples/invalid/NAME.xml} and
 * beside it {@code NAME.expected}, a YAML map:
 * <pre>
 * code: SCHEMA_INVALID                   # the error code in the rejection
 * path: /CEB311Message/Order[1]/OrderHead[1]/orderNo[1]   # the element path it points at
 * message: "cvc-minLength-valid"         # a fragment of its message
 * partner: demo-platform                 # optional: the partner it comes from (sender codes are checked)
 * </pre>
 * The example passes when one of the errors answered has that code, that path and a message
 * containing that fragment.
 */
public record NegativeExample(String code, String path, String message, Optional<String> partner) {

    public static Path expectedFile(Path message) {
        return Path.of(message.toString().replaceFirst("\\.xml$", ".expected"));
    }

    public static NegativeExample read(Path file) {
        Object doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromInputStream(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?> m) || m.get("code") == null || m.get("path") == null || m.get("message") == null) {
            throw new IllegalArgumentException(file + ": give code, path and message (a fragment of it)");
        }
        return new NegativeExample(String.valueOf(m.get("code")).trim(), String.valueOf(m.get("path")).trim(),
                String.valueOf(m.get("message")), Optional.ofNullable(m.get("partner")).map(String::valueOf));
    }

    /** The expectation an answer's error makes: its code, its path, the start of its message. */
    static NegativeExample from(XmlError error, Optional<String> partner) {
        String message = error.message() == null ? "" : error.message();
        // the start of the message names the rule broken; what follows often quotes the value
        int cut = message.indexOf(':');
        String fragment = cut > 0 && cut < 60 ? message.substring(0, cut) : message;
        if (fragment.length() > 60) {
            int space = fragment.lastIndexOf(' ', 60);
            fragment = fragment.substring(0, space > 20 ? space : 60);
        }
        return new NegativeExample(error.code(), error.path() == null ? "/" : error.path(), fragment.strip(), partner);
    }

    public Optional<XmlError> matching(List<XmlError> errors) {
        return errors.stream().filter(e -> code.equals(e.code()) && path.equals(e.path())
                && e.message() != null && e.message().contains(message)).findFirst();
    }

    public String describe() {
        return code + " at " + path + " with \"" + message + "\"";
    }

    void write(Path file) {
        StringBuilder yaml = new StringBuilder("# what the adapter answers " + file.getFileName().toString().replaceFirst("\\.expected$", ".xml")
                + " with: an error of this code, at this element path, whose message holds this text\n");
        yaml.append("code: ").append(code).append('\n');
        yaml.append("path: \"").append(path.replace("\"", "\\\"")).append("\"\n");
        yaml.append("message: \"").append(message.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        partner.ifPresent(p -> yaml.append("partner: ").append(p).append('\n'));
        FormatCheck.write(file, yaml.toString().getBytes(StandardCharsets.UTF_8));
    }
}
