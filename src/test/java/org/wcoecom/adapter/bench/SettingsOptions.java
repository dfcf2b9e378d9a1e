package org.wcoecom.adapter.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.wcoecom.adapter.settings.Settings;

import picocli.CommandLine.Option;

/** The settings the benchmark gives the systems it starts: the adapter's own, as its commands take them. */
final class SettingsOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file with adapter.* settings (overrides the bundled defaults).")
    Path config;

    @Option(names = "--home", paramLabel = "DIR", description = "The folder holding routes/, xsd/ and mappings/ (default: the working directory).")
    Path home;

    Settings settings() {
        return Settings.load(Optional.ofNullable(config), home == null ? Map.of() : Map.of("adapter.home", home.toString()));
    }
}
