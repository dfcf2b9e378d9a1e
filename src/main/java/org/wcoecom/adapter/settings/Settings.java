package org.wcoecom.adapter.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The adapter's configuration: the bundled application.properties, then a --config file, then
 * environment variables (adapter.http.port as ADAPTER_HTTP_PORT), then system properties, then
 * command-line options; each later source wins. Camel reads the same merged properties.
 */
public final class Settings {

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    public static Settings load(Optional<Path> configFile, Map<String, String> overrides) {
        Map<String, String> v = new TreeMap<>();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is missing from the classpath");
            }
            putAll(v, in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application.properties", e);
        }
        if (configFile.isPresent()) {
            try (InputStream in = Files.newInputStream(configFile.get())) {
                putAll(v, in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read configuration " + configFile.get() + ": " + e.getMessage(), e);
            }
        }
        Map<String, String> env = System.getenv();
        for (String key : v.keySet().toArray(String[]::new)) {
            String name = key.toUpperCase(Locale.ROOT).replaceAll("[.\\-]", "_");
            if (env.containsKey(name)) {
                v.put(key, env.get(name));
            }
        }
        System.getProperties().forEach((k, val) -> {
            String key = k.toString();
            if (key.startsWith("adapter.") || key.startsWith("camel.")) {
                v.put(key, val.toString());
            }
        });
        v.putAll(overrides);
        return new Settings(v);
    }

    private static void putAll(Map<String, String> target, InputStream in) throws IOException {
        Properties p = new Properties();
        try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        p.forEach((k, val) -> target.put(k.toString().trim(), val.toString().trim()));
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("configuration key " + key + " is not set");
        }
        return v;
    }

    public Optional<String> optional(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key " + key + " must be a whole number, not '" + get(key) + "'");
        }
    }

    public Path home() {
        return Path.of(get("adapter.home")).toAbsolutePath().normalize();
    }

    /** The data folder; relative paths are relative to the working directory. */
    public Path dataDir() {
        return Path.of(get("adapter.data.dir")).toAbsolutePath().normalize();
    }

    public ZoneId receiptZone() {
        return ZoneId.of(get("adapter.receipt.timezone"));
    }

    /** Everything, for Camel: adapter.* keys become route placeholders, camel.* keys configure Camel. */
    public Map<String, String> all() {
        return Map.copyOf(values);
    }

    public Settings with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Settings(copy);
    }
}
