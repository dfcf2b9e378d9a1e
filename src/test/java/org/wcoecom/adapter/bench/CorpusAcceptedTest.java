package org.wcoecom.adapter.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Collections;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * A running adapter accepts generated messages as they are: posted over HTTP as demo-platform,
 * every order comes back in the CEB312 receipt with returnStatus 2 (accepted).
 */
@ExtendWith(RunningAdapter.class)
class CorpusAcceptedTest {

    private final Translations engine = new Translations();
    // a seed of its own: the adapter is shared with other tests, and its order numbers must be new to it
    private final CorpusGenerator generator = new CorpusGenerator(0xACCE97EDL);

    @ParameterizedTest
    @EnumSource(Mix.class)
    void every_order_of_a_message_is_accepted(Mix mix) throws Exception {
        CorpusGenerator.GeneratedMessage message = generator.message(mix, 0);
        HttpResponse<String> response = RunningAdapter.post(message.xml(), RunningAdapter.PARTNER);

        assertEquals(200, response.statusCode(), response.body());
        var receipt = engine.valid(Messages.utf8(response.body()));
        assertEquals(message.orderNos(), Xml.values(receipt, "/ceb:CEB312Message/ceb:OrderReturn/ceb:orderNo"));
        assertEquals(Collections.nCopies(mix.orders(), "2"), Xml.values(receipt, "/ceb:CEB312Message/ceb:OrderReturn/ceb:returnStatus"),
                response.body());
    }
}
