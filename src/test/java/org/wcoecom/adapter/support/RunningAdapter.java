package org.wcoecom.adapter.support;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one adapter channel tests share: started once for every test class that uses it (its journal
 * and database in a temporary folder) and stopped when the test run ends. Tests keep out of each
 * other's way by using their own order numbers.
 */
public final class RunningAdapter implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {

    public static final Duration WAIT = TestAdapter.WAIT;
    public static final String PARTNER = "demo-platform";
    public static final int MAX_MESSAGE_BYTES = TestAdapter.MAX_MESSAGE_BYTES;
    public static final int CROSSCHECK_TIMEOUT_MS = TestAdapter.CROSSCHECK_TIMEOUT_MS;

    private static TestAdapter adapter;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (adapter != null) {
            return;
        }
        adapter = new TestAdapter(Files.createTempDirectory("adapter-test-"));
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningAdapter.class.getName(), this);
    }

    @Override
    public void close() {
        adapter.close();
    }

    public static TestAdapter adapter() {
        return adapter;
    }

    public static Path dataDir() {
        return adapter.dataDir();
    }

    public static HttpResponse<String> post(byte[] body, String partner) throws IOException, InterruptedException {
        return adapter.post(body, partner);
    }

    public static HttpResponse<String> post(byte[] body, String apiKey, String partnerHeader) throws IOException, InterruptedException {
        return adapter.post(body, apiKey, partnerHeader);
    }

    public static HttpResponse<String> get() throws IOException, InterruptedException {
        return adapter.get();
    }

    public static Connection partnerConnection() throws JMSException {
        return adapter.partnerConnection();
    }

    public static Message forwarded(String recordId) throws JMSException {
        return adapter.forwarded(recordId);
    }

    public static Optional<Message> takeForwarded(String recordId, Duration wait) throws JMSException {
        return adapter.takeForwarded(recordId, wait);
    }

    public static List<String> browseForwarded() throws JMSException {
        return adapter.browseForwarded();
    }

    public static String text(Message m) throws JMSException {
        return TestAdapter.text(m);
    }
}
