package org.wcoecom.adapter.xml;

import java.util.ArrayList;
import java.util.Arrays;
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

    // Every element of every message passes here, so nothing is built per element: the names and
    // sibling positions are kept on two stacks and the path is put together only when asked for.
    private String[] names = new String[32];
    private int[] positions = new int[32];
    /** per open element, how many children of each name it has had so far; a map per depth, reused */
    private final List<Map<String, int[]>> siblingCounts = new ArrayList<>();
    private int depth;
    private Locator locator;

    public ElementPathTracker(ContentHandler next) {
        setContentHandler(next);
        siblingCounts.add(new HashMap<>());
    }

    /** The current element path; "/" before the root element. */
    public String path() {
        if (depth == 0) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append('/').append(names[i]);
            // the root has no siblings, so it needs no index
            if (i > 0) {
                sb.append('[').append(positions[i]).append(']');
            }
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
        int[] count = siblingCounts.get(depth).computeIfAbsent(localName, k -> new int[1]);
        count[0]++;
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            positions = Arrays.copyOf(positions, depth * 2);
        }
        names[depth] = localName;
        positions[depth] = count[0];
        depth++;
        if (siblingCounts.size() == depth) {
            siblingCounts.add(new HashMap<>());
        } else {
            siblingCounts.get(depth).clear();
        }
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        super.endElement(uri, localName, qName);
        depth--;
        names[depth] = null;
    }
}
