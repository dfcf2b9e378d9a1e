package org.wcoecom.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wcoecom.adapter.support.Messages;
import org.wcoecom.adapter.support.RunningAdapter;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * A partner's JMS message is taken as text or bytes only: an ObjectMessage is refused with a receipt
 * and its body is never deserialized (a Java object of the partner's choosing would otherwise be
 * built in the adapter's JVM). The object here records whether it was.
 */
@ExtendWith(RunningAdapter.class)
class ObjectMessageRefusedTest {

    /** Set when an instance is read back from bytes anywhere in this JVM (the adapter runs in it). */
    static final AtomicBoolean DESERIALIZED = new AtomicBoolean();

    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        final String payload = Messages.single("OBJ-1");

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            DESERIALIZED.set(true);
            in.defaultReadObject();
        }
    }

    @Test
    void an_object_message_is_refused_without_being_deserialized() throws Exception {
        try (Connection c = RunningAdapter.adapter().connection("demo-platform")) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            ObjectMessage m = s.createObjectMessage(new Tripwire());
            s.createProducer(s.createQueue("partner.demo-platform.in")).send(m);
            try (MessageConsumer receipts = s.createConsumer(s.createQueue("partner.demo-platform.receipts"),
                    "JMSCorrelationID = '" + m.getJMSMessageID() + "'")) {
                Message receipt = receipts.receive(RunningAdapter.WAIT.toMillis());
                assertNotNull(receipt, "the object message was not answered");
                assertEquals("REJECTED", receipt.getStringProperty("AdapterOutcome"));
                String text = RunningAdapter.text(receipt);
                var ceb312 = new Translations().valid(Messages.utf8(text));
                String info = Xml.value(ceb312, "//ceb:returnInfo");
                assertTrue(info.startsWith("[Code:0001;") && info.contains("ObjectMessage"), info);
            }
        }
        assertFalse(DESERIALIZED.get(), "the partner's object was deserialized");
    }
}
