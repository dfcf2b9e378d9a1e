package org.wcoecom.adapter.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Passes SAX events on unchanged and knows, at every moment, the path of the element being
 * processed, such as {@code /CEB311Message/Order[2]/OrderHead[1]/orderNo[1]}.
 *
 * <p>A validator placed after this filter reports its errors while an event is being passed on, so
 * the tracker pushes before passing a start tag and pops only after passing the end tag: an error
 * raised inside either call is reported against the element it concerns.
 */
public final class ElementPathTracker extends XMLFilterImpl {

    private final List<String> steps = new ArrayList<>();
    private final List<Map<String, Integer>> siblingCounts = new ArrayList<>();
    private Locator locator;

    public ElementPathTracker(ContentHandler next) {
        setContentHandler(next);
        siblingCounts.add(new HashMap<>());
    }

    /** The current element path; "/" before the root element. */
    public String path() {
        if (steps.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (String step : steps) {
            sb.append('/').append(step);
        }
        return sb.toString();
    }

    public int line() {
        return locator == null ? 0 : Math.max(0, locator.getLineNumber());
    }

    public int column() {
        return locator == null ? 0 : Math.max(0, locator.getColumnNumber());
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
        super.setDocumentLocator(locator);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        Map<String, Integer> counts = siblingCounts.get(siblingCounts.size() - 1);
        int n = counts.merge(localName, 1, Integer::sum);
        // the root has no siblings, so it needs no index
        steps.add(steps.isEmpty() ? localName : localName + "[" + n + "]");
        siblingCounts.add(new HashMap<>());
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        super.endElement(uri, localName, qName);
        steps.remove(steps.size() - 1);
        siblingCounts.remove(siblingCounts.size() - 1);
    }
}
