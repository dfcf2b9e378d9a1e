package org.wcoecom.adapter.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.wcoecom.adapter.format.FormatRegistry;
import org.wcoecom.adapter.settings.Settings;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with adapter.* settings (overrides the bundled defaults).")
    Path config;

    @Option(names = "--home", paramLabel = "DIR", description = "The folder holding routes/, xsd/ and mappings/ (default: the working directory).")
    Path home;

    /**
     * The formats of the home folder, compiled as they are used; every folder left out is reported
     * on {@code err} (the others work).
     */
    org.wcoecom.adapter.format.FormatRegistry formats(Settings settings, java.io.PrintWriter err) {
        org.wcoecom.adapter.format.FormatRegistry registry = FormatRegistry.configured(settings);
        registry.problems().forEach(p -> err.println("warning: " + p.describe()));
        err.flush();
        return registry;
    }

    Settings settings(Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(extra);
        if (home != null) {
            overrides.put("adapter.home", home.toString());
        }
        return Settings.load(Optional.ofNullable(config), overrides);
    }
}
