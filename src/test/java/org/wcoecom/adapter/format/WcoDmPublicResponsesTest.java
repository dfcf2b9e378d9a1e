package org.wcoecom.adapter.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wcoecom.adapter.support.Project;
import org.wcoecom.adapter.support.Translations;
import org.wcoecom.adapter.support.Xml;

/**
 * The public WCO DM 3.6 notifications in ../shared/reference/wco-dm/samples (a national profile's
 * responses, published without a namespace in a MetaData envelope) are recognised as wco-dm-res,
 * valid, and read into canonical Responses with their outcome, references and taxes.
 */
class WcoDmPublicResponsesTest {

    private final Translations engine = new Translations();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "hmrc_TT_IM008a_01_DMSACC.xml, ACCEPTED, 01, 0",
            "hmrc_TT_IM008a_02_DMSTAX.xml, ACCEPTED, 13, 224.00",
            "hmrc_TT_IM008a_04_DMSCLE.xml, RELEASED, 09, 0"})
    void public_sample_is_a_valid_response(String file, String outcome, String functionCode, String taxTotal) throws Exception {
        Path sample = Project.root().resolve("../shared/reference/wco-dm/samples").resolve(file).normalize();
        assumeTrue(Files.isRegularFile(sample), "../shared/reference/wco-dm is not present");
        ReadResult read = engine.read(Project.bytes(sample));
        assertTrue(read.valid(), () -> "not valid: " + read.allErrors());
        assertEquals("wco-dm-res", read.format().orElseThrow().id());

        var canonical = Xml.parse(engine.toCanonicalFile(Project.bytes(sample)));
        String c = "";
        assertEquals(outcome, Xml.value(canonical, c + "/c:Response/c:Outcome"));
        assertEquals(functionCode, Xml.value(canonical, c + "/c:Response/c:StatusCode"));
        assertEquals(List.of("U.7849431FLA2T"), Xml.values(canonical, c + "//c:Reference[@type='LOCAL_REFERENCE']"));
        assertEquals(List.of("26GB2U87RWEK9YIAR0"), Xml.values(canonical, c + "//c:Reference[@type='MRN']"));
        String total = Xml.value(canonical, c + "string(sum(//c:TaxAssessment/c:Total))");
        assertEquals(0, new java.math.BigDecimal(taxTotal).compareTo(new java.math.BigDecimal(total)));
    }
}
