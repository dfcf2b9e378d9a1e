package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * HTTP: only a partner's own API key gets a message in; without one, with a wrong one, or with
 * another partner's name the caller is refused (401/403) with a receipt, and nothing is forwarded.
 */
@ExtendWith(RunningAdapter.class)
class HttpApiKeyTest {

    private final Translations engine = new Translations();

    @Test
    void no_key_is_refused_with_401() throws Exception {
        String orderNo = Messages.orderNo("KEY-NONE");
        HttpResponse<String> r = RunningAdapter.post(Messages.utf8(Messages.single(orderNo)), null, "demo-platform");
        assertEquals(401, r.statusCode(), r.body());
        assertRefused(r, "[Code:1999;Desc:其他安全错误 not authenticated]", orderNo);
    }

    @Test
    void an_unknown_key_is_refused_with_401() throws Exception {
        String orderNo = Messages.orderNo("KEY-BAD");
        HttpResponse<String> r = RunningAdapter.post(Messages.utf8(Messages.single(orderNo)), "not-a-key", null);
        assertEquals(401, r.statusCode(), r.body());
        assertRefused(r, "[Code:1999;Desc:其他安全错误 not authenticated]", orderNo);
    }

    @Test
    void a_key_used_under_another_partners_name_is_refused_with_403() throws Exception {
        String orderNo = Messages.orderNo("KEY-OTHER");
        HttpResponse<String> r = RunningAdapter.post(Messages.utf8(Messages.single(orderNo)),
                RunningAdapter.adapter().apiKey("demo-payment"), "demo-platform");
        assertEquals(403, r.statusCode(), r.body());
        assertRefused(r, "belongs to partner demo-payment", orderNo);
    }

    @Test
    void the_bearer_scheme_is_accepted_too() throws Exception {
        String orderNo = Messages.orderNo("KEY-BEARER");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + RunningAdapter.adapter().httpPort() + "/api/v1/messages"))
                .header("Authorization", "Bearer " + RunningAdapter.adapter().apiKey("demo-platform"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Messages.utf8(Messages.single(orderNo)))).build();
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        RunningAdapter.forwarded("demo-platform:" + orderNo);
    }

    private void assertRefused(HttpResponse<String> r, String expectedText, String orderNo) throws Exception {
        // the receipt is in the default receipt format: the caller is not known, its message not read
        var receipt = engine.valid(Messages.utf8(r.body()));
        assertTrue(Xml.value(receipt, "//ceb:returnInfo").contains(expectedText), r.body());
        assertTrue(Xml.value(receipt, "//ceb:returnStatus").startsWith("-"), r.body());
        assertTrue(RunningAdapter.takeForwarded("demo-platform:" + orderNo, Duration.ofSeconds(2)).isEmpty(),
                "a refused message was forwarded");
    }
}
