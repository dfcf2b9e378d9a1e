package org.wcoecom.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wcoecom.adapter.runtime.AdapterRuntime;
import org.wcoecom.adapter.runtime.Demo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: the adapter, until Ctrl-C or SIGTERM. */
@Command(name = "run", description = {
        "Start the adapter: embedded broker, HTTP, JMS and file channels, the routes of routes/*.yaml.",
        "Runs until Ctrl-C or SIGTERM, then stops cleanly."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--data", paramLabel = "DIR", description = "Broker journal, inbox, outbox (default: ./data).")
    Path data;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port (default 8080).")
    Integer httpPort;

    @Option(names = "--broker-port", paramLabel = "PORT", description = "Port partners reach the embedded broker on (default 61616).")
    Integer brokerPort;

    @Option(names = "--operator-port", paramLabel = "PORT", description = "The embedded broker's port for the operator alone (default 61617, loopback).")
    Integer operatorPort;

    @Option(names = "--management-port", paramLabel = "PORT", description = "Health, metrics and the operations page (default 8090, loopback).")
    Integer managementPort;

    @Option(names = "--demo", description = "Once started, send the example order, payment and waybill over HTTP, JMS and a file, show the declaration they yield and the answers to a broken order, and print what was forwarded.")
    boolean demo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new HashMap<>();
        if (data != null) {
            overrides.put("adapter.data.dir", data.toString());
        }
        if (httpPort != null) {
            overrides.put("adapter.http.port", httpPort.toString());
        }
        if (brokerPort != null) {
            overrides.put("adapter.broker.port", brokerPort.toString());
        }
        if (operatorPort != null) {
            overrides.put("adapter.broker.operator-port", operatorPort.toString());
        }
        if (managementPort != null) {
            overrides.put("adapter.management.port", managementPort.toString());
        }
        if (demo) {
            // the demo's declarations are signed with a key the adapter makes: fine for trying, not for customs
            overrides.put("adapter.signing.allow-self-signed", "true");
        }
        PrintWriter out = spec.commandLine().getOut();
        AdapterRuntime runtime = new AdapterRuntime(common.settings(overrides));
        runtime.afterStart(() -> {
            out.println("wco-ecom-adapter is running:");
            runtime.describe().forEach(line -> out.println("  " + line));
            out.println("Ctrl-C stops it.");
            out.flush();
        });
        if (demo) {
            runtime.afterStart(() -> {
                Thread t = new Thread(() -> new Demo(runtime, out).run(), "demo");
                t.setDaemon(true);
                t.start();
            });
        }
        runtime.afterStop(() -> {
            out.println("wco-ecom-adapter stopped.");
            out.flush();
        });
        runtime.runUntilStopped();
        return 0;
    }
}
