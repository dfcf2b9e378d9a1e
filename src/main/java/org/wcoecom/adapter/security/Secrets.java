package org.wcoecom.adapter.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets partners and operators authenticate with: partners' HTTP API keys and broker
 * passwords, the operator's and the customs gateway's broker passwords. None is in the
 * repository: each comes from an environment variable ({@code ADAPTER_SECRET_} + the name in
 * capitals, '.' and '-' as '_', e.g. {@code ADAPTER_SECRET_DEMO_PLATFORM_API_KEY}), else from the
 * secrets file (a properties file readable by its owner only), else it is generated, written to
 * that file and the operator told where, so that a first start (the demo) works out of the box.
 */
public final class Secrets {

    private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Map<String, String> environment;
    private final boolean generate;
    private final Properties stored = new Properties();

    private Secrets(Path file, Map<String, String> environment, boolean generate) {
        this.file = file;
        this.environment = environment;
        this.generate = generate;
    }

    /** The secrets of the given file (and of the environment); missing ones are generated when allowed. */
    public static Secrets open(Path file, boolean generate) {
        Secrets secrets = new Secrets(file, System.getenv(), generate);
        secrets.read();
        return secrets;
    }

    public static String apiKeyName(String partner) {
        return partner + ".api-key";
    }

    public static String brokerPasswordName(String user) {
        return user + ".broker-password";
    }

    public static String environmentName(String name) {
        return "ADAPTER_SECRET_" + name.toUpperCase(Locale.ROOT).replaceAll("[.\\-]", "_");
    }

    public Path file() {
        return file;
    }

    /** The secret, if the environment or the file has it (never generated). */
    public synchronized Optional<String> find(String name) {
        String fromEnv = environment.get(environmentName(name));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.trim());
        }
        return Optional.ofNullable(stored.getProperty(name)).filter(s -> !s.isBlank());
    }

    /**
     * The secrets with these names, generating (and storing, in one write) those that are missing
     * when generation is on; those still missing are left out.
     */
    public synchronized Map<String, String> require(List<String> names) {
        List<String> generated = new ArrayList<>();
        Map<String, String> result = new java.util.LinkedHashMap<>();
        for (String name : names) {
            Optional<String> value = find(name);
            if (value.isEmpty() && generate) {
                String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
                stored.setProperty(name, fresh);
                generated.add(name);
                value = Optional.of(fresh);
            }
            value.ifPresent(v -> result.put(name, v));
        }
        if (!generated.isEmpty()) {
            write();
            LOG.warn("generated {} secret(s) ({}) and stored them in {}: hand each partner its own, or set them"
                    + " in the environment ({}...)", generated.size(), String.join(", ", generated), file,
                    environmentName(generated.get(0)));
        }
        return result;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return b;
    }

    private void read() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        ownerOnly();
        try (InputStream in = Files.newInputStream(file)) {
            stored.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the secrets file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Checked at every start, not only when the file is made: a copy or a restore may have opened it. */
    private void ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            var owner = PosixFilePermissions.fromString("rw-------");
            var now = Files.getPosixFilePermissions(file);
            if (!now.equals(owner)) {
                LOG.warn("the secrets file {} was readable by others ({}): now its owner's only", file, PosixFilePermissions.toString(now));
                Files.setPosixFilePermissions(file, owner);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot check the permissions of the secrets file " + file + ": " + e.getMessage(), e);
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
                stored.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                        " wco-ecom-adapter secrets (generated where missing); keep this file to its owner");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the secrets file " + file + ": " + e.getMessage(), e);
        }
    }
}
