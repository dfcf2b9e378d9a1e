package org.wcoecom.adapter.canonical;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import net.sf.saxon.s9api.BuildingContentHandler;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;

import org.wcoecom.adapter.canonical.model.ObjectFactory;
import org.wcoecom.adapter.xml.Saxon;

/**
 * The canonical model in Java: names, and the bridge from JAXB objects (generated from
 * xsd/canonical/canonical.xsd) to the Saxon trees the stylesheets read.
 */
public final class Canonical {

    public static final String NAMESPACE = "urn:wco-ecom-adapter:canonical:1";
    /** The canonical entry of the format registry, and the label of canonical documents in errors. */
    public static final String NAME = "canonical";
    public static final ObjectFactory FACTORY = new ObjectFactory();

    // thread-safe and expensive: one for the application
    private static final JAXBContext CONTEXT = newContext();

    private Canonical() {
    }

    private static JAXBContext newContext() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the canonical JAXB classes do not load", e);
        }
    }

    /**
     * A canonical document (one of Order, Payment, Shipment, ...) as JAXB objects, parsed by the
     * hardened reader: canonical queues are inputs too.
     */
    public static Object read(byte[] xml) {
        try {
            var unmarshaller = CONTEXT.createUnmarshaller();
            var source = new javax.xml.transform.sax.SAXSource(org.wcoecom.adapter.xml.SecureXml.reader(),
                    new org.xml.sax.InputSource(new java.io.ByteArrayInputStream(xml)));
            Object o = unmarshaller.unmarshal(source);
            return o instanceof JAXBElement<?> e ? e.getValue() : o;
        } catch (JAXBException e) {
            throw new IllegalArgumentException("not a canonical document: " + e.getMessage(), e);
        }
    }

    /** A document of the model (an OrderType, PaymentType, ...) as the element it is the content of. */
    public static JAXBElement<?> element(Object document) {
        if (document instanceof JAXBElement<?> e) {
            return e;
        }
        java.lang.reflect.Method make = ELEMENT_FACTORIES.get(document.getClass());
        if (make == null) {
            throw new IllegalArgumentException("not a canonical document: " + document.getClass().getSimpleName());
        }
        try {
            return (JAXBElement<?>) make.invoke(FACTORY, document);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The factory method of each document class, looked up once: the cross-check wraps every record it stores. */
    private static final ClassValue<java.lang.reflect.Method> ELEMENT_FACTORIES = new ClassValue<>() {
        @Override
        protected java.lang.reflect.Method computeValue(Class<?> type) {
            for (java.lang.reflect.Method m : ObjectFactory.class.getMethods()) {
                if (m.getReturnType() == JAXBElement.class && m.getParameterCount() == 1 && m.getParameterTypes()[0] == type) {
                    return m;
                }
            }
            return null;
        }
    };

    /** A canonical document as XML (not validated: callers validate what leaves the adapter). */
    public static byte[] write(JAXBElement<?> document) {
        try {
            var out = new java.io.ByteArrayOutputStream(8192);
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.marshal(document, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write a canonical document: " + e.getMessage(), e);
        }
    }

    /** A canonical document as a Saxon tree, ready for a from-canonical stylesheet. */
    public static XdmNode toTree(JAXBElement<?> document) {
        try {
            BuildingContentHandler builder = Saxon.documentBuilder().newBuildingContentHandler();
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.marshal(document, builder);
            return builder.getDocumentNode();
        } catch (JAXBException | SaxonApiException e) {
            throw new IllegalStateException("cannot build a canonical tree: " + e.getMessage(), e);
        }
    }
}
