package org.wcoecom.adapter.partner;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A partner of the adapter: a platform, payment provider, carrier or customs administration.
 *
 * @param id            letters, digits, '.', '_' and '-'; names its queues and folders
 * @param name          for people
 * @param senderCodes   codes it sends under (CEB: BaseTransfer/copCode)
 * @param receiptFormat how to answer it when the message does not say
 */
public record Partner(String id, String name, List<String> senderCodes, Optional<String> receiptFormat) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}");

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
