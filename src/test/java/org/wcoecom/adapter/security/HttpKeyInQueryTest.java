package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;

/**
 * The API key is read from the request's headers only: platform-http turns query parameters into
 * headers, so a key in the URL (which proxies and browsers log) would otherwise pass for one.
 */
@ExtendWith(RunningAdapter.class)
class HttpKeyInQueryTest {

    @Test
    void a_key_in_the_url_is_refused() throws Exception {
        String key = RunningAdapter.adapter().apiKey("demo-platform");
        for (String query : new String[] {"X-Api-Key=" + enc(key), "x%2Dapi%2Dkey=" + enc(key), "Authorization=" + enc("Bearer " + key)}) {
            String orderNo = Messages.orderNo("KEY-URL");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + RunningAdapter.adapter().httpPort() + "/api/v1/messages?" + query))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Messages.utf8(Messages.single(orderNo)))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(401, r.statusCode(), query + ": " + r.body());
            assertTrue(RunningAdapter.takeForwarded("demo-platform:" + orderNo, Duration.ofMillis(500)).isEmpty());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
