package org.wcoecom.adapter.format;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import net.sf.saxon.s9api.ItemType;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;

/** Java values to stylesheet parameters; null and empty values are left out. */
final class Parameters {

    private Parameters() {
    }

    static Map<QName, XdmValue> of(Map<String, ?> params) throws SaxonApiException {
        Map<QName, XdmValue> result = new HashMap<>();
        if (params == null) {
            return result;
        }
        for (Map.Entry<String, ?> e : params.entrySet()) {
            Object v = e.getValue();
            if (v == null || v.toString().isEmpty()) {
                continue;
            }
            // not toString(): at a whole minute it leaves out the seconds, which xs:dateTime requires
            XdmValue value = v instanceof OffsetDateTime t
                    ? new XdmAtomicValue(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t), ItemType.DATE_TIME)
                    : new XdmAtomicValue(v.toString());
            result.put(new QName(e.getKey()), value);
        }
        return result;
    }
}
