package org.wcoecom.adapter.partner;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A partner of the adapter: a platform, payment provider, carrier, declaring agent or customs
 * administration.
 *
 * @param id            letters, digits, '.', '_' and '-'; names its queues and folders
 * @param name          for people
 * @param role          what it is (platform, payment, logistics, declarant, warehouse, bank, exchange): only a
 *                      declarant (or an overseas customs administration on the exchange) may send declarations,
 *                      only a warehouse (the operator of a customs supervised site) warehouse-entry lists
 * @param senderCodes   codes it sends under (CEB: BaseTransfer/copCode)
 * @param formats       the formats it may send (format ids)
 * @param receiptFormat how to answer it when the message does not say
 */
public record Partner(String id, String name, String role, List<String> senderCodes, List<String> formats,
                      Optional<String> receiptFormat) {

    public static final String DECLARANT = "declarant";
    /** The operator of a customs supervised site (监管场所): it reports the parcels the site received. */
    public static final String WAREHOUSE = "warehouse";
    /** An overseas customs administration on the SOAP exchange (configured by adapter.soap.partner.*). */
    public static final String EXCHANGE = "exchange";
    public static final List<String> ROLES = List.of("platform", "payment", "logistics", DECLARANT, WAREHOUSE, "bank", EXCHANGE);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}");

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Whether it may send declarations (inventories) at all. */
    public boolean mayDeclare() {
        return DECLARANT.equals(role) || EXCHANGE.equals(role);
    }

    /** Whether it operates a customs supervised site (may send warehouse-entry lists). */
    public boolean operatesSite() {
        return WAREHOUSE.equals(role);
    }

    public boolean maySend(String formatId) {
        return formats.contains(formatId);
    }
}
