package org.wcoecom.adapter.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.wcoecom.adapter.settings.Settings;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Which adapter an operator command works on: its data folder and, while it runs, its broker. */
final class AdapterTarget {

    @Mixin
    CommonOptions common;

    @Option(names = "--data", paramLabel = "DIR", description = "The adapter's data folder (default: ./data).")
    Path data;

    @Option(names = "--broker-port", paramLabel = "PORT", description = "The adapter's broker port (default 61616).")
    Integer brokerPort;

    @Option(names = "--operator-port", paramLabel = "PORT", description = "The broker's operator port (default 61617).")
    Integer operatorPort;

    Settings settings() {
        Map<String, String> extra = new HashMap<>();
        if (data != null) {
            extra.put("adapter.data.dir", data.toString());
        }
        if (brokerPort != null) {
            extra.put("adapter.broker.port", String.valueOf(brokerPort));
        }
        if (operatorPort != null) {
            extra.put("adapter.broker.operator-port", String.valueOf(operatorPort));
        }
        return common.settings(extra);
    }
}
