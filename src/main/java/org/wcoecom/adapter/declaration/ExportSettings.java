package org.wcoecom.adapter.declaration;

import java.util.Optional;

import org.wcoecom.adapter.settings.Settings;

/**
 * What an export inventory (CEB603) needs that neither the export order, its receipt of payment nor
 * its waybill carries (adapter.export.*); the declaring agent, the customs office and the transport
 * mode are the declarant settings'.
 *
 * @param exitPort           the customs office of exit (portCode)
 * @param tradeMode          the supervision mode: 9610 (general retail export), 1210, 9710, 9810
 * @param statisticsFlag     A (simplified declaration) or B (summary declaration)
 * @param destinationCountry ISO code of the country the goods go to (the head's and each line's country)
 * @param destinationPort    the port of destination (POD, a CN-PORT code)
 * @param wrapType           the packaging type code (CN-WRAP-TYPE)
 */
public record ExportSettings(String exitPort, String tradeMode, String statisticsFlag, Optional<String> destinationCountry,
                             Optional<String> destinationPort, String wrapType) {

    public static ExportSettings from(Settings s) {
        String flag = s.get("adapter.export.statistics-flag");
        if (!flag.equals("A") && !flag.equals("B")) {
            throw new IllegalArgumentException("adapter.export.statistics-flag must be A or B, not " + flag);
        }
        return new ExportSettings(s.optional("adapter.export.exit-port").orElse(s.get("adapter.declaration.port-code")),
                s.get("adapter.export.trade-mode"), flag, s.optional("adapter.export.destination-country"),
                s.optional("adapter.export.destination-port"), s.get("adapter.export.wrap-type"));
    }
}
