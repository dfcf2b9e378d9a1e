package org.wcoecom.adapter.soap;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An overseas customs administration the adapter exchanges declarations with over SOAP
 * ({@code adapter.soap.partner.<id>.*}).
 *
 * @param id                its id, the partner name in records and receipts
 * @param username          the WS-Security UsernameToken user it calls us with
 * @param password          that user's password
 * @param countries         destination countries (ISO alpha-2) whose declarations go to it
 * @param endpoint          its exchange service, if it receives declarations from us
 * @param remoteUsername    the user we call it with
 * @param remotePassword    that user's password
 * @param signed            whether the body of every message is signed both ways: its requests
 *                          must carry a valid signature by one of its certificates, and ours are signed
 * @param truststore        PKCS#12 file with its certificates (to verify its signatures)
 * @param truststorePassword that file's password
 * @param tlsTruststore     PKCS#12 file with the certificate authority (or the certificate) its https
 *                          endpoint's certificate must chain to; empty: the JDK's certificate authorities
 * @param tlsTruststorePassword that file's password
 */
public record ExchangePartner(String id, String username, String password, List<String> countries,
                              Optional<String> endpoint, Optional<String> remoteUsername, Optional<String> remotePassword,
                              boolean signed, Optional<Path> truststore, Optional<String> truststorePassword,
                              Optional<Path> tlsTruststore, Optional<String> tlsTruststorePassword) {

    public boolean receives(String country) {
        return endpoint.isPresent() && countries.contains(country);
    }
}
