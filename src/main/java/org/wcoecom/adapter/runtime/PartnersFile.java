package org.wcoecom.adapter.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.wcoecom.adapter.partner.PartnerDirectory;
import org.wcoecom.adapter.settings.Settings;

/**
 * Where the partners file is: {@code adapter.partners.file}, else {@code <data>/partners.yaml},
 * which the first run creates from the bundled example. Operators edit it in place; the running
 * adapter reads it again when it changes ({@link PartnersReload}).
 */
public final class PartnersFile {

    public static final String NAME = "partners.yaml";

    private PartnersFile() {
    }

    /** The file the settings name, whether or not it exists yet. */
    public static Path of(Settings settings) {
        return settings.optional("adapter.partners.file").map(Path::of).map(Path::toAbsolutePath)
                .orElse(settings.dataDir().resolve(NAME));
    }

    /** The file, created in the data folder from the bundled example when the settings name none and it is not there yet. */
    public static Path prepare(Settings settings) {
        Path file = of(settings);
        if (settings.optional("adapter.partners.file").isPresent()) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("adapter.partners.file: " + file + " does not exist");
            }
            return file;
        }
        if (!Files.exists(file)) {
            DataFolder.secure(settings.dataDir());
            try (InputStream bundled = PartnerDirectory.bundled()) {
                Path fresh = Files.createTempFile(settings.dataDir(), ".partners", ".yaml");
                Files.writeString(fresh, "# Created from the bundled example on the adapter's first run: edit it here; the running adapter\n"
                        + "# reads it again when it changes (see docs/onboarding.md).\n", StandardCharsets.UTF_8);
                Files.write(fresh, bundled.readAllBytes(), java.nio.file.StandardOpenOption.APPEND);
                Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the partners file " + file + ": " + e.getMessage(), e);
            }
        }
        return file;
    }

    /** The partners for a command that only reads them: the file when it is there, else the bundled example. */
    public static PartnerDirectory read(Settings settings) {
        Path file = of(settings);
        return PartnerDirectory.load(Files.isRegularFile(file) ? Optional.of(file) : Optional.empty());
    }
}
